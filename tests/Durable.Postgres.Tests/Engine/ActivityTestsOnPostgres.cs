using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class ActivityTestsOnPostgres(PostgresStoreFactory stores) : ActivityTests(stores), IClassFixture<PostgresStoreFactory>;
