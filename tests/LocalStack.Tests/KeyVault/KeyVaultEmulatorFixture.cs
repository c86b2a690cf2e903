using PaymentFunctions.LocalStack.KeyVault;

namespace PaymentFunctions.LocalStack.Tests.KeyVault;

/// <summary>One emulator for the test class; tests use distinct key names.</summary>
public sealed class KeyVaultEmulatorFixture : IAsyncLifetime
{
    public KeyVaultEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await KeyVaultEmulator.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
