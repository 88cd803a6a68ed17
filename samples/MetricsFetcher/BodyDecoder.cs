using System.Text;
using Google.Protobuf;

namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>Turns a response body into the text to print, checking that it parses in the format its Content-Type names.</summary>
internal static class BodyDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="FetchFailedException">The body does not parse, or the Content-Type is no metrics format.</exception>
    public static string Decode(string? mediaType, byte[] body)
    {
        var format = ScrapeFormats.FromContentType(mediaType)
            ?? throw new FetchFailedException(ExitCodes.UnparsableBody, $"the Content-Type '{mediaType ?? "(none)"}' is no metrics format");
        try
        {
            if (format == ScrapeFormat.Binary)
            {
                return ProtobufTextWriter.Write(body);
            }

            var text = StrictUtf8.GetString(body);
            TextBodyCheck.Validate(text, format == ScrapeFormat.OpenMetrics);
            return text;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or DecoderFallbackException or FormatException)
        {
            throw new FetchFailedException(ExitCodes.UnparsableBody, $"the body does not parse as {mediaType}: {ex.Message}");
        }
    }
}
