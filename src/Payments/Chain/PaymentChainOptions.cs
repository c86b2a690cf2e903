namespace PaymentFunctions.Payments.Chain;

/// <summary>
/// Where the escrow lives and which key pays into it, bound from the <c>Chain</c> configuration section.
/// </summary>
public sealed class PaymentChainOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Chain";

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>The MXNB token contract.</summary>
    public string TokenAddress { get; set; } = string.Empty;

    /// <summary>The PaymentEscrow contract.</summary>
    public string EscrowAddress { get; set; } = string.Empty;

    /// <summary>The platform's Juno deposit address: payee of every escrow, so released tokens go back to Juno.</summary>
    public string PlatformDepositAddress { get; set; } = string.Empty;

    /// <summary>The Key Vault holding the bridge wallet's secp256k1 key.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>The bridge wallet's key name: escrow payer and holder of the escrow's <c>OPERATOR_ROLE</c>.</summary>
    public string BridgeKeyName { get; set; } = string.Empty;

    /// <summary>
    /// SHA-256 thumbprint of the vault's certificate to trust instead of the machine's authorities; only for the
    /// local emulator's self-signed certificate, never set for a real vault.
    /// </summary>
    public string? KeyVaultCertificateThumbprint { get; set; }

    /// <summary>Blocks on top of (and including) the mined block before a transaction counts as done.</summary>
    public int Confirmations { get; set; } = 1;

    /// <summary>How often receipts and the head block are polled while waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The least time between the chain's clock and an escrow's custody end. The contract refuses a custody end not
    /// after the creating block's time, and that block comes later than the latest one seen, so an earlier
    /// (or zero) custody is moved out by this much.
    /// </summary>
    public TimeSpan MinimumCustody { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks that every required setting is present and well-formed.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or malformed; the message names it.</exception>
    public void Validate()
    {
        Require(RpcUrl is { IsAbsoluteUri: true }, nameof(RpcUrl), "an absolute URL");
        Require(Ethereum.Addresses.Address.TryParse(TokenAddress, out _), nameof(TokenAddress), "an address");
        Require(Ethereum.Addresses.Address.TryParse(EscrowAddress, out _), nameof(EscrowAddress), "an address");
        Require(Ethereum.Addresses.Address.TryParse(PlatformDepositAddress, out _), nameof(PlatformDepositAddress), "an address");
        Require(KeyVaultUri is { IsAbsoluteUri: true }, nameof(KeyVaultUri), "an absolute URL");
        Require(!string.IsNullOrWhiteSpace(BridgeKeyName), nameof(BridgeKeyName), "a key name");
        Require(Confirmations >= 1, nameof(Confirmations), "at least 1");
        Require(PollInterval > TimeSpan.Zero, nameof(PollInterval), "positive");
        Require(MinimumCustody > TimeSpan.Zero, nameof(MinimumCustody), "positive");
    }

    /// <summary>Describes the settings; there are no secrets among them.</summary>
    public override string ToString() => $"Chain {RpcUrl} escrow={EscrowAddress} token={TokenAddress} key={BridgeKeyName} confirmations={Confirmations}";

    private static void Require(bool valid, string name, string what)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"Setting {SectionName}:{name} must be {what}.");
        }
    }
}
