using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Storage.InMemory;

namespace PaymentFunctions.Durable.Tests.Engine;

public sealed class InMemoryStoreFactory : IStoreFactory
{
    public IOrchestrationStore Create(TimeProvider? time = null) => new InMemoryOrchestrationStore(time, TimeSpan.FromSeconds(5));
}
