using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.LocalStack.Azurite;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Backends;

/// <summary>DTFx's Azure Storage provider on a private Azurite.</summary>
public sealed class AzureStorageHost : BackendHost
{
    private AzuriteServer? azurite;

    public override string Type => StorageProviderOptions.AzureStorage;

    protected override async Task<IDictionary<string, string?>> StartStorageAsync()
    {
        this.azurite = await AzuriteServer.StartAsync();
        return new Dictionary<string, string?> { ["AzureWebJobsStorage"] = this.azurite.ConnectionString };
    }

    protected override async ValueTask StopStorageAsync()
    {
        if (this.azurite is not null)
        {
            await this.azurite.DisposeAsync();
        }
    }
}
