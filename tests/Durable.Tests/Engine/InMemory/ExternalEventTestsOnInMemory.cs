namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class ExternalEventTestsOnInMemory() : ExternalEventTests(new InMemoryStoreFactory());
