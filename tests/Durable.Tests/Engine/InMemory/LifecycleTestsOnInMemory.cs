namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class LifecycleTestsOnInMemory() : LifecycleTests(new InMemoryStoreFactory());
