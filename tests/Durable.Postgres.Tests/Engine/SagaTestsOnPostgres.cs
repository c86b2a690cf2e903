using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class SagaTestsOnPostgres(PostgresStoreFactory stores) : SagaTests(stores), IClassFixture<PostgresStoreFactory>;
