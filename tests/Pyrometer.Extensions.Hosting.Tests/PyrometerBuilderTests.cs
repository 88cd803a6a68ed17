using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pyrometer.Extensions.Hosting.Tests;

public class PyrometerBuilderTests
{
    [Fact]
    public async Task AddHostedComponent_HostLifetime_StartsStopsAndDisposesInOrder()
    {
        var events = new List<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddPyrometer().AddHostedComponent(
            _ => new FakeComponent(events),
            (component, token) => component.StartAsync(token),
            (component, token) => component.StopAsync(token));
        var host = builder.Build();

        Assert.Empty(events);
        await host.StartAsync();
        Assert.Equal(["start"], events);
        await host.StopAsync();
        Assert.Equal(["start", "stop"], events);
        await ((IAsyncDisposable)host).DisposeAsync();

        Assert.Equal(["start", "stop", "dispose"], events);
    }

    [Fact]
    public async Task AddHostedComponent_AddedTwice_RunsOnce()
    {
        var events = new List<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        for (var i = 0; i < 2; i++)
        {
            builder.AddPyrometer().AddHostedComponent(
                _ => new FakeComponent(events),
                (component, token) => component.StartAsync(token),
                (component, token) => component.StopAsync(token));
        }

        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(["start"], events);
        Assert.Same(host.Services.GetRequiredService<FakeComponent>(), host.Services.GetRequiredService<FakeComponent>());
    }

    [Fact]
    public async Task AddHostedComponent_StoppedWithoutStarting_DoesNotStopTheComponent()
    {
        var events = new List<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddPyrometer().AddHostedComponent(
            _ => new FakeComponent(events),
            (_, _) => throw new InvalidOperationException("port taken"),
            (component, token) => component.StopAsync(token));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        await host.StopAsync();

        Assert.Equal("port taken", failure.Message);
        Assert.DoesNotContain("stop", events);
    }

    [Fact]
    public void AddHostedComponent_NullDelegate_ThrowsNamingIt()
    {
        var builder = new ServiceCollection().AddPyrometer();

        var failure = Assert.Throws<ArgumentNullException>(() => builder.AddHostedComponent<FakeComponent>(_ => null!, null!, (_, _) => Task.CompletedTask));

        Assert.Equal("start", failure.ParamName);
    }

    public sealed class FakeComponent(List<string> events) : IAsyncDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            events.Add("start");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            events.Add("stop");
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            events.Add("dispose");
            return ValueTask.CompletedTask;
        }
    }
}
