namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>One normalized statement from pg_stat_statements: how often it ran and how long it took in total.</summary>
internal sealed record DatabaseStatement(long Calls, double TotalMilliseconds, long Rows, string Query);
