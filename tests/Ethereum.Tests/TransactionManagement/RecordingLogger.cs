using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Ethereum.TransactionManagement;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>Keeps the manager's log lines, to explain a failing test and to check that nothing secret is logged.</summary>
internal sealed class RecordingLogger : ILogger<TransactionManager>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}");

    public override string ToString() => string.Join(Environment.NewLine, _lines);
}
