namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class StartOptionsTestsOnInMemory() : StartOptionsTests(new InMemoryStoreFactory());
