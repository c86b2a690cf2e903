namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class ActivityTestsOnInMemory() : ActivityTests(new InMemoryStoreFactory());
