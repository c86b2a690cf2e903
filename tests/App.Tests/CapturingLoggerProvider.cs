using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaymentFunctions.App.Tests;

/// <summary>Keeps every log entry with its structured state and scope values, for assertions on log shape.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => this.scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            provider.scopes.ForEachScope(
                (scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value;
                        }
                    }
                },
                values);
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    values[key] = value;
                }
            }

            provider.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), values));
        }
    }
}
