using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Tests.Engine;

/// <summary>Gives each test a fresh, isolated store, so one engine suite runs against every store.</summary>
public interface IStoreFactory
{
    IOrchestrationStore Create(TimeProvider? time = null);
}
