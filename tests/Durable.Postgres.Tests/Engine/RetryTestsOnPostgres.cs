using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class RetryTestsOnPostgres(PostgresStoreFactory stores) : RetryTests(stores), IClassFixture<PostgresStoreFactory>;
