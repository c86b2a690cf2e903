namespace PaymentFunctions.Payments.Tests.Lifecycle;

/// <summary>
/// The happy path and the compensation paths of <see cref="PaymentLifecycleScenarios"/> with the task hub on Azure
/// Storage (a private Azurite), as a user gets by setting <c>storageProvider:type</c> to <c>azureStorage</c>; the
/// payments stay in PostgreSQL.
/// </summary>
public sealed class AzureStorageLifecycleTests(AzureStorageLifecycleFixture fixture) : PaymentLifecycleScenarios(fixture), IClassFixture<AzureStorageLifecycleFixture>;
