namespace PaymentFunctions.Durable.Tests.Engine.InMemory;

public sealed class TimerTestsOnInMemory() : TimerTests(new InMemoryStoreFactory());
