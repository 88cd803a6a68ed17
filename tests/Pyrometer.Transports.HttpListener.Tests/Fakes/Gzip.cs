using System.IO.Compression;

namespace Pyrometer.Transports.HttpListener.Tests.Fakes;

/// <summary>Decompresses gzip bodies for assertions.</summary>
internal static class Gzip
{
    public static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
