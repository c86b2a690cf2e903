namespace PaymentFunctions.Durable.Postgres.Tests.Workers;

/// <summary>
/// The multi-worker and crash tests load both cores for several seconds; they run alone, after the parallel
/// tests, so neither they nor the others slow down past their timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerTestsCollection
{
    public const string Name = "Durable workers";
}
