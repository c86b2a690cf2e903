namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class FanOutTestsOnInMemory() : FanOutTests(new InMemoryStoreFactory());
