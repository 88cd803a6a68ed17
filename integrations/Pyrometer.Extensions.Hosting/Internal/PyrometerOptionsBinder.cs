using Microsoft.Extensions.Configuration;

namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>Binds <see cref="PyrometerOptions"/> from the <c>Pyrometer</c> section.</summary>
internal static class PyrometerOptionsBinder
{
    public static void Bind(IConfiguration section, PyrometerOptions options)
    {
        var read = new SettingReader<PyrometerOptions>(section);
        read.Boolean(nameof(PyrometerOptions.UseDefaultRegistry), value => options.UseDefaultRegistry = value);
        read.TimeSpan(nameof(PyrometerOptions.CollectTimeout), value => options.CollectTimeout = value);
        read.Pairs(nameof(PyrometerOptions.ConstLabels), (name, value) => options.ConstLabels[name] = value);
    }
}
