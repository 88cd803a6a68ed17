namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>Compares encoded label sets by their bytes.</summary>
internal sealed class ByteContentComparer : IEqualityComparer<byte[]>
{
    public static readonly ByteContentComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(byte[] obj)
    {
        var hash = 17;
        foreach (var b in obj)
        {
            hash = unchecked((hash * 31) + b);
        }

        return hash;
    }
}
