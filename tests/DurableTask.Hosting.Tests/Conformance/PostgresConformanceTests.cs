using PaymentFunctions.DurableTask.Hosting.Tests.Backends;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>The conformance suite on the PostgreSQL provider.</summary>
public sealed class PostgresConformanceTests(PostgresHost host) : ConformanceTests(host), IClassFixture<PostgresHost>;
