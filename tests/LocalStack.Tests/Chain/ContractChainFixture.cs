using System.Numerics;
using PaymentFunctions.Ethereum;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Signing;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.KeyVault;

namespace PaymentFunctions.LocalStack.Tests.Chain;

/// <summary>
/// anvil with the contracts deployed, and two Key Vault keys (through the emulator) playing the platform:
/// the bridge wallet that pays into escrow and the operator that releases. The payee is the platform's
/// deposit address. One per test class; tests use their own payment ids.
/// </summary>
public sealed class ContractChainFixture : IAsyncLifetime
{
    public static readonly BigInteger Mxnb = BigInteger.Pow(10, 6);

    public AnvilNode Node { get; private set; } = null!;

    public KeyVaultEmulator Vault { get; private set; } = null!;

    public KeyVaultSigner Payer { get; private set; } = null!;

    public KeyVaultSigner Operator { get; private set; } = null!;

    public Address PayerAddress { get; private set; }

    public Address OperatorAddress { get; private set; }

    public Nethereum.Signer.IEthExternalSigner Admin => Node.DevSigners[0];

    public LocalKeySigner Stranger => Node.DevSigners[3];

    public Address Payee => Node.DevSigners[2].Address;

    public ContractDeployment Deployment { get; private set; } = null!;

    public ContractArtifact Token { get; } = ContractArtifacts.Mxnb;

    public ContractArtifact Escrow { get; } = ContractArtifacts.PaymentEscrow;

    public EthereumRpcClient Rpc { get; private set; } = null!;

    public ContractTransactor Transactor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await AnvilNode.StartAsync();
        Vault = await KeyVaultEmulator.StartAsync();
        var client = Vault.CreateClient();
        await client.CreateEcKeyAsync("bridge-wallet", hardwareProtected: true);
        await client.CreateEcKeyAsync("escrow-operator", hardwareProtected: true);
        Payer = new KeyVaultSigner(client, "bridge-wallet");
        Operator = new KeyVaultSigner(client, "escrow-operator");
        PayerAddress = await Payer.GetAddressAsync(CancellationToken.None);
        OperatorAddress = await Operator.GetAddressAsync(CancellationToken.None);
        await Node.SetBalanceAsync(PayerAddress, BigInteger.Pow(10, 20));
        await Node.SetBalanceAsync(OperatorAddress, BigInteger.Pow(10, 20));

        Deployment = await ContractDeployer.DeployAsync(Node, new ContractDeploymentOptions
        {
            Operators = [OperatorAddress],
            Mints = new Dictionary<Address, BigInteger> { [PayerAddress] = 1_000_000 * Mxnb },
        });

        Rpc = Node.CreateRpcClient([.. Escrow.Errors, .. Token.Errors]);
        Transactor = new ContractTransactor(Rpc, Node.ChainId);
    }

    public async Task DisposeAsync()
    {
        await Vault.DisposeAsync();
        await Node.DisposeAsync();
    }

    public async Task<BigInteger> BalanceOfAsync(Address account) =>
        (BigInteger)(await Rpc.CallAsync(Deployment.Token, Token.Function("balanceOf"), [account]))[0]!;

    public async Task<ulong> LatestTimestampAsync()
    {
        var block = await Rpc.SendAsync("eth_getBlockByNumber", ["latest", false]);
        return (ulong)Hex.DecodeQuantity(block.GetProperty("timestamp").GetString()!);
    }
}
