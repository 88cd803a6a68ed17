using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pyrometer.TestUtils;

/// <summary>
/// Collects the entries of every logger it creates whose category starts with <c>Pyrometer</c>, as a logger factory
/// handed to Pyrometer's components or as a provider added to an app's logging.
/// </summary>
public sealed class ListLoggerFactory : ILoggerFactory, ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) =>
        new ListLogger(categoryName.StartsWith("Pyrometer", StringComparison.Ordinal) ? Entries : null);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, int, string, Exception?)>? entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => entries is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries?.Enqueue((logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
