using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class LifecycleTestsOnPostgres(PostgresStoreFactory stores) : LifecycleTests(stores), IClassFixture<PostgresStoreFactory>;
