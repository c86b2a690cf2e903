namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class ContinueAsNewTestsOnInMemory() : ContinueAsNewTests(new InMemoryStoreFactory());
