using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class StartOptionsTestsOnPostgres(PostgresStoreFactory stores) : StartOptionsTests(stores), IClassFixture<PostgresStoreFactory>;
