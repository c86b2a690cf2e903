using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class ExternalEventTestsOnPostgres(PostgresStoreFactory stores) : ExternalEventTests(stores), IClassFixture<PostgresStoreFactory>;
