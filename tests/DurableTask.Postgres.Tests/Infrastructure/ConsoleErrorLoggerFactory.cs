using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;

/// <summary>With DURABLETASK_TEST_LOG=1, warnings and errors of DTFx and the provider are appended to DURABLETASK_TEST_LOG_FILE (default /tmp/durabletask-tests.log), for diagnosing a failing test.</summary>
internal sealed class ConsoleErrorLoggerFactory : ILoggerFactory, ILogger
{
    public static ILoggerFactory Create() =>
        Environment.GetEnvironmentVariable("DURABLETASK_TEST_LOG") == "1" ? new ConsoleErrorLoggerFactory() : NullLoggerFactory.Instance;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (this.IsEnabled(logLevel))
        {
            var path = Environment.GetEnvironmentVariable("DURABLETASK_TEST_LOG_FILE") ?? "/tmp/durabletask-tests.log";
            lock (this)
            {
                File.AppendAllText(path, $"[{logLevel}] {formatter(state, exception)} {exception}{Environment.NewLine}");
            }
        }
    }

    public void Dispose()
    {
    }
}
