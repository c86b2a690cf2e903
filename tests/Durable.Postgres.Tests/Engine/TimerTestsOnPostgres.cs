using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class TimerTestsOnPostgres(PostgresStoreFactory stores) : TimerTests(stores), IClassFixture<PostgresStoreFactory>;
