using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class SubOrchestrationTestsOnPostgres(PostgresStoreFactory stores) : SubOrchestrationTests(stores), IClassFixture<PostgresStoreFactory>;
