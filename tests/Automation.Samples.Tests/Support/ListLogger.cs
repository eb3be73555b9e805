using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Automation.Samples.Tests.Support;

/// <summary>A logger (and its own provider) that keeps every message, to check what a bot logs and that no secret is among it.</summary>
public sealed class ListLogger : ILogger, ILoggerProvider
{
    private readonly ConcurrentQueue<string> messages = new();

    /// <summary>Every message logged, formatted, with its exception's message.</summary>
    public IReadOnlyCollection<string> Messages => messages;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception.Message));

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }
}
