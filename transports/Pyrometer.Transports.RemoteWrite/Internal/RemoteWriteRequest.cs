using System.Net.Http.Headers;
using System.Reflection;

namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>Builds the remote write 1.0 POST: snappy-compressed protobuf with the headers the specification requires.</summary>
internal static class RemoteWriteRequest
{
    public const string ContentType = "application/x-protobuf";
    public const string ContentEncoding = "snappy";
    public const string VersionHeader = "X-Prometheus-Remote-Write-Version";
    public const string Version = "0.1.0";

    public static readonly string UserAgent = "Pyrometer/" + AssemblyVersion();

    public static HttpRequestMessage Create(Uri endpoint, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        content.Headers.ContentEncoding.Add(ContentEncoding);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation(VersionHeader, Version);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return request;
    }

    private static string AssemblyVersion()
    {
        var version = typeof(RemoteWriteRequest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
