using PaymentFunctions.LocalStack.Azurite;

namespace PaymentFunctions.LocalStack.Tests.Azurite;

public sealed class AzuriteConnectionStringTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("UseDevelopmentStorage=true;")]
    [InlineData(" usedevelopmentstorage = TRUE ")]
    public void Development_storage_shorthand_becomes_azurite_on_its_default_ports(string shorthand)
    {
        var resolved = AzuriteConnectionString.Resolve(shorthand);

        Assert.Equal(AzuriteConnectionString.DevelopmentStorage, resolved);
        Assert.Contains("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;", resolved, StringComparison.Ordinal);
        Assert.Contains("QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;", resolved, StringComparison.Ordinal);
        Assert.Contains("TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;", resolved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=a2V5;EndpointSuffix=core.windows.net")]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("")]
    public void Any_other_connection_string_is_returned_unchanged(string connectionString) =>
        Assert.Same(connectionString, AzuriteConnectionString.Resolve(connectionString));
}
