namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>What the database did during a measurement: transactions and the costliest statements.</summary>
/// <param name="Transactions">Committed and rolled-back transactions in the benchmark's database.</param>
/// <param name="WalSyncs">WAL flushes to disk (fsync) in the whole cluster: commits that shared a flush count once.</param>
/// <param name="Statements">Statements executed in the benchmark's database (pg_stat_statements calls).</param>
/// <param name="StatementMilliseconds">Their total execution time: the database time the measured work cost.</param>
/// <param name="TopStatements">The statements that took the most database time.</param>
internal sealed record DatabaseProfile(long Transactions, long WalSyncs, long Statements, double StatementMilliseconds, IReadOnlyList<DatabaseStatement> TopStatements);
