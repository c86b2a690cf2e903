using System.Text;
using Nethereum.Util;
using Nethereum.Signer;
using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// Deploys the MXNB test token and the payment escrow from the committed artifacts, grants roles and mints
/// starting balances, so a fresh anvil becomes a chain the payment flow can run on.
/// </summary>
public static class ContractDeployer
{
    /// <summary><c>keccak256("OPERATOR_ROLE")</c>, the escrow's operator role.</summary>
    public static ReadOnlyMemory<byte> OperatorRole { get; } = Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes("OPERATOR_ROLE"));

    /// <summary><c>keccak256("MINTER_ROLE")</c>, the token's minter role.</summary>
    public static ReadOnlyMemory<byte> MinterRole { get; } = Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes("MINTER_ROLE"));

    /// <summary>Deploys to <paramref name="node"/> with its first dev account as admin unless options say otherwise.</summary>
    public static Task<ContractDeployment> DeployAsync(AnvilNode node, ContractDeploymentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        options ??= new ContractDeploymentOptions();
        return DeployAsync(node.CreateRpcClient(), node.ChainId, options with { Admin = options.Admin ?? node.DevSigners[0] }, cancellationToken);
    }

    /// <summary>Deploys over any JSON-RPC endpoint; <see cref="ContractDeploymentOptions.Admin"/> is required and must hold ether for gas.</summary>
    public static async Task<ContractDeployment> DeployAsync(EthereumRpcClient rpc, long chainId, ContractDeploymentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(options);
        IEthExternalSigner admin = options.Admin ?? throw new ArgumentException("An admin signer is required.", nameof(options));
        Address adminAddress = await admin.GetAddressAsync(cancellationToken).ConfigureAwait(false);
        var transactor = new ContractTransactor(rpc, chainId);
        ContractArtifact tokenArtifact = ContractArtifacts.Mxnb;
        ContractArtifact escrowArtifact = ContractArtifacts.PaymentEscrow;

        TransactionReceipt tokenReceipt = await transactor.SendAsync(admin, null, tokenArtifact.CreateDeploymentData(adminAddress), BigInteger.Zero, cancellationToken).ConfigureAwait(false);
        TransactionReceipt escrowReceipt = await transactor.SendAsync(admin, null, escrowArtifact.CreateDeploymentData(adminAddress), BigInteger.Zero, cancellationToken).ConfigureAwait(false);
        Address token = tokenReceipt.ContractAddress ?? throw new InvalidOperationException("The MXNB deployment receipt has no contract address.");
        Address escrow = escrowReceipt.ContractAddress ?? throw new InvalidOperationException("The escrow deployment receipt has no contract address.");

        IReadOnlyList<Address> operators = options.Operators.Count > 0 ? options.Operators : [adminAddress];
        foreach (Address account in operators.Distinct())
        {
            await transactor.SendAsync(admin, escrow, escrowArtifact.Function("grantRole"), [OperatorRole.ToArray(), account], cancellationToken).ConfigureAwait(false);
        }

        foreach (Address account in options.Minters.Where(m => m != adminAddress).Distinct())
        {
            await transactor.SendAsync(admin, token, tokenArtifact.Function("grantRole"), [MinterRole.ToArray(), account], cancellationToken).ConfigureAwait(false);
        }

        foreach ((Address account, BigInteger amount) in options.Mints)
        {
            await transactor.SendAsync(admin, token, tokenArtifact.Function("mint"), [account, amount], cancellationToken).ConfigureAwait(false);
        }

        return new ContractDeployment(chainId, token, escrow, adminAddress, escrowReceipt.BlockNumber);
    }
}
