using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Postgres.Tests.Engine;

public sealed class QueryTestsOnPostgres(PostgresStoreFactory stores) : QueryTests(stores), IClassFixture<PostgresStoreFactory>;
