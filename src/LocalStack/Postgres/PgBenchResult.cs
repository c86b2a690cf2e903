namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>The figures of one pgbench run.</summary>
/// <param name="TransactionsPerSecond">tps without the initial connection time, as pgbench reports it.</param>
/// <param name="Transactions">Transactions actually processed.</param>
/// <param name="AverageLatencyMilliseconds">Average latency, when pgbench printed it.</param>
/// <param name="Options">The options the run used.</param>
/// <param name="Output">pgbench's report, for logs.</param>
public sealed record PgBenchResult(
    double TransactionsPerSecond,
    long Transactions,
    double? AverageLatencyMilliseconds,
    PgBenchOptions Options,
    string Output);
