using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class ContinueAsNewTestsOnPostgres(PostgresStoreFactory stores) : ContinueAsNewTests(stores), IClassFixture<PostgresStoreFactory>;
