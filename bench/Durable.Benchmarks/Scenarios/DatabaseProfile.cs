namespace PaymentFunctions.Durable.Benchmarks.Scenarios;

/// <summary>What the database did during a measurement: transactions and the costliest statements.</summary>
internal sealed record DatabaseProfile(long Transactions, IReadOnlyList<DatabaseStatement> TopStatements);
