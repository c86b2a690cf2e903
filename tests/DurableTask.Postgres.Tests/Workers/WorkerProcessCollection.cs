namespace PaymentFunctions.DurableTask.Postgres.Tests.Workers;

/// <summary>
/// The process tests load both cores for several seconds; they run alone, not beside the other tests, so that
/// neither they nor the others slow down past their timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerProcessCollection
{
    public const string Name = "DurableTask.Postgres worker processes";
}
