using System.Collections.Concurrent;
using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

/// <summary>Fails the first time it runs for a key, succeeds after: the shape a rewind repairs.</summary>
public sealed class Flaky : TaskActivity<string, string>
{
    private static readonly ConcurrentDictionary<string, int> Attempts = new();

    public static int AttemptsFor(string key) => Attempts.GetValueOrDefault(key);

    protected override string Execute(TaskContext context, string input)
    {
        if (Attempts.AddOrUpdate(input, 1, (_, n) => n + 1) == 1)
        {
            throw new InvalidOperationException($"first attempt for {input} fails");
        }

        return $"ok {input}";
    }
}
