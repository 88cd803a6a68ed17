using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports.Kestrel.Tests.Fakes;

/// <summary>Collects the entries of every logger it creates whose category starts with <c>Pyrometer</c>.</summary>
internal sealed class ListLoggerFactory : ILoggerFactory, ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName.StartsWith("Pyrometer", StringComparison.Ordinal) ? Entries : null);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, int, string)>? entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => entries is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries?.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
    }
}
