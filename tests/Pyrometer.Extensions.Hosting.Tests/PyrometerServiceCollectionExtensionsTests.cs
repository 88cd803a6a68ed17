using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;

namespace Pyrometer.Extensions.Hosting.Tests;

public class PyrometerServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPyrometer_NoOptions_RegistersTheDefaultRegistry()
    {
        using var provider = new ServiceCollection().AddPyrometer().Services.BuildServiceProvider();

        Assert.Same(MetricRegistry.Default, provider.GetRequiredService<MetricRegistry>());
    }

    [Fact]
    public void AddPyrometer_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddPyrometer();
        var count = services.Count;

        var second = services.AddPyrometer();

        Assert.Equal(count, services.Count);
        Assert.Same(services, second.Services);
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void AddPyrometer_SecondCallWithoutConfiguration_KeepsTheFirstCallsSection()
    {
        var builder = TestHosts.FromJson("""{ "Pyrometer": { "UseDefaultRegistry": false } }""");
        builder.AddPyrometer();

        var second = builder.Services.AddPyrometer();

        Assert.Equal("Pyrometer", Assert.IsAssignableFrom<Microsoft.Extensions.Configuration.IConfigurationSection>(second.Configuration).Path);
    }

    [Fact]
    public void AddPyrometer_RegistryRegisteredBefore_KeepsIt()
    {
        var mine = new MetricRegistry();
        var services = new ServiceCollection().AddSingleton(mine);

        using var provider = services.AddPyrometer().Services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<MetricRegistry>());
    }

    [Fact]
    public void AddPyrometer_ConstLabelsFromConfiguration_CreatesARegistryWithThem()
    {
        var builder = TestHosts.FromJson("""
            { "Pyrometer": { "UseDefaultRegistry": false, "CollectTimeout": "00:00:02", "ConstLabels": { "service": "orders", "region": "eu" } } }
            """);
        builder.AddPyrometer();
        using var host = builder.Build();

        var registry = host.Services.GetRequiredService<MetricRegistry>();

        Assert.NotSame(MetricRegistry.Default, registry);
        Assert.Equal([new("region", "eu"), new("service", "orders")], registry.ConstLabels);
        Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<IOptions<PyrometerOptions>>().Value.CollectTimeout);
    }

    [Fact]
    public void AddPyrometer_ConfigureAfterConfiguration_CodeWins()
    {
        var builder = TestHosts.FromJson("""{ "Pyrometer": { "UseDefaultRegistry": true } }""");
        builder.AddPyrometer(options => options.UseDefaultRegistry = false);
        using var host = builder.Build();

        Assert.NotSame(MetricRegistry.Default, host.Services.GetRequiredService<MetricRegistry>());
    }

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { """{ "Pyrometer": { "ConstLabels": { "service": "a" } } }""", "Pyrometer:ConstLabels needs Pyrometer:UseDefaultRegistry set to false" },
        { """{ "Pyrometer": { "CollectTimeout": "00:00:01" } }""", "Pyrometer:CollectTimeout needs Pyrometer:UseDefaultRegistry set to false" },
        { """{ "Pyrometer": { "UseDefaultRegistry": false, "CollectTimeout": "00:00:00" } }""", "Pyrometer:CollectTimeout must be greater than zero" },
        { """{ "Pyrometer": { "UseDefaultRegistry": false, "ConstLabels": { "bad-name": "a" } } }""", "Pyrometer:ConstLabels:bad-name is invalid: 'bad-name' is not a valid label name" },
        { """{ "Pyrometer": { "UseDefaultRegistry": "maybe" } }""", "Pyrometer:UseDefaultRegistry must be true or false; got 'maybe'." },
        { """{ "Pyrometer": { "UseDefaultRegistry": false, "CollectTimeout": "soon" } }""", "Pyrometer:CollectTimeout must be a time span such as 00:00:05; got 'soon'." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task StartAsync_InvalidSetting_FailsNamingIt(string json, string message)
    {
        var builder = TestHosts.FromJson(json);
        builder.AddPyrometer();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidSettingInCode_NamesTheOptionsProperty()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPyrometer(options => options.ConstLabels["service"] = "a");
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PyrometerOptions.ConstLabels needs PyrometerOptions.UseDefaultRegistry set to false", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCollectCallback_WhileTheHostRuns_RunsBeforeEveryCollection()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<CallCount>();
        builder.AddPyrometer(options => options.UseDefaultRegistry = false).AddCollectCallback<CountingCallback>().AddCollectCallback<CountingCallback>();
        using var host = builder.Build();
        var registry = host.Services.GetRequiredService<MetricRegistry>();
        var calls = host.Services.GetRequiredService<CallCount>();

        await registry.CollectAsync();
        Assert.Equal(0, calls.Value);

        await host.StartAsync();
        await registry.CollectAsync();
        await registry.CollectAsync();
        Assert.Equal(2, calls.Value);

        await host.StopAsync();
        await registry.CollectAsync();
        Assert.Equal(2, calls.Value);
    }

    [Fact]
    public async Task CollectCallback_RegisteredAsAService_IsAttachedAndDetachedOnDispose()
    {
        var callback = new CountingCallback(new CallCount());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<ICollectCallback>(callback);
        builder.AddPyrometer();
        var host = builder.Build();
        await host.StartAsync();
        await MetricRegistry.Default.CollectAsync();

        host.Dispose();
        await MetricRegistry.Default.CollectAsync();

        Assert.Equal(1, callback.Calls.Value);
    }

    public sealed class CallCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    public sealed class CountingCallback(CallCount calls) : ICollectCallback
    {
        public CallCount Calls => calls;

        public ValueTask CollectAsync(CancellationToken cancellationToken)
        {
            calls.Increment();
            return ValueTask.CompletedTask;
        }
    }
}
