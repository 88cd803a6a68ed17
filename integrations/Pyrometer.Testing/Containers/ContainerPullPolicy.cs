namespace Pyrometer.Testing.Containers;

/// <summary>When a container fixture pulls its image before it starts.</summary>
public enum ContainerPullPolicy
{
    /// <summary>Pull the image only when it is not present locally (the default).</summary>
    Missing = 0,

    /// <summary>Pull the image on every start, to pick up a moved tag.</summary>
    Always = 1,

    /// <summary>Never pull: the image must be present locally (built or pulled beforehand), as on a machine without a registry.</summary>
    Never = 2,
}
