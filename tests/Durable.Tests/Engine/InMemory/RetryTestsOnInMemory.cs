namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class RetryTestsOnInMemory() : RetryTests(new InMemoryStoreFactory());
