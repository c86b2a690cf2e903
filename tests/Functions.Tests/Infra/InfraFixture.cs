using System.Text.Json.Nodes;

namespace PaymentFunctions.Functions.Tests.Infra;

/// <summary>Builds <c>infra/main.bicep</c> once for the infra tests.</summary>
public sealed class InfraFixture : IAsyncLifetime
{
    public BicepCli.Result Build { get; private set; } = null!;

    public ArmTemplate Template { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        this.Build = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        this.Template = new ArmTemplate(JsonNode.Parse(this.Build.Output)!.AsObject());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
