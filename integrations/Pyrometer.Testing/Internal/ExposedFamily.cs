namespace Pyrometer.Testing.Internal;

/// <summary>A family of a text exposition: its name, its <c># TYPE</c> and whether it had a <c># HELP</c>.</summary>
internal sealed class ExposedFamily(string name)
{
    public string Name { get; } = name;

    public string Type { get; set; } = "untyped";

    public string? Help { get; set; }

    public List<ExposedSample> Samples { get; } = [];
}
