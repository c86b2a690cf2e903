namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class SagaTestsOnInMemory() : SagaTests(new InMemoryStoreFactory());
