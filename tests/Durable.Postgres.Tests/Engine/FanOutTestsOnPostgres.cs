using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class FanOutTestsOnPostgres(PostgresStoreFactory stores) : FanOutTests(stores), IClassFixture<PostgresStoreFactory>;
