using PaymentFunctions.DurableTask.Hosting.Tests.Backends;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>The conformance suite on DTFx's Azure Storage provider, against Azurite.</summary>
public sealed class AzureStorageConformanceTests(AzureStorageHost host) : ConformanceTests(host), IClassFixture<AzureStorageHost>;
