using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.Banking.Tests.Juno;

/// <summary>A fresh simulator per test plus a real <see cref="JunoClient"/> with fast retries.</summary>
internal sealed class SimulatorFixture : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private SimulatorFixture(JunoSimulator simulator, JunoClient client, JunoOptions options)
    {
        Simulator = simulator;
        Client = client;
        Options = options;
    }

    public JunoSimulator Simulator { get; }

    public JunoClient Client { get; }

    public JunoOptions Options { get; }

    public static async Task<SimulatorFixture> StartAsync(JunoSimulatorOptions? simulatorOptions = null, Action<JunoOptions>? configure = null)
    {
        var simulator = await JunoSimulator.StartAsync(simulatorOptions);
        var options = simulator.CreateClientOptions();
        options.MaxRetries = 4;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        var http = new HttpClient();
        return new SimulatorFixture(simulator, new JunoClient(http, Microsoft.Extensions.Options.Options.Create(options)), options);
    }

    public JunoClient CreateClient(Action<JunoOptions> configure)
    {
        var options = Simulator.CreateClientOptions();
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        configure(options);
        return new JunoClient(_http, Microsoft.Extensions.Options.Options.Create(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        _http.Dispose();
    }
}
