namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class SubOrchestrationTestsOnInMemory() : SubOrchestrationTests(new InMemoryStoreFactory());
