namespace PaymentFunctions.LocalStack.Stack;

/// <summary>Which backend keeps the app's task hub on the local stack (host.json's <c>storageProvider.type</c>).</summary>
public enum TaskHubBackend
{
    /// <summary><c>postgres</c>: the task hub lives in the stack's PostgreSQL database, next to the payments.</summary>
    Postgres,

    /// <summary><c>azureStorage</c>: the stack starts a private Azurite and the task hub lives there; payments stay in PostgreSQL.</summary>
    AzureStorage,
}
