namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class QueryTestsOnInMemory() : QueryTests(new InMemoryStoreFactory());
