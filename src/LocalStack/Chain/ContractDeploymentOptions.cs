using Nethereum.Signer;
using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Signers;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// Who deploys the local contracts, who gets which role and who starts with MXNB.
/// </summary>
public sealed record ContractDeploymentOptions
{
    /// <summary>The deployer, admin and pauser of both contracts; anvil's first dev account when null.</summary>
    public IEthExternalSigner? Admin { get; init; }

    /// <summary>Accounts granted the escrow's <c>OPERATOR_ROLE</c> (release, resolve, refund, cancel); the admin when empty.</summary>
    public IReadOnlyList<Address> Operators { get; init; } = [];

    /// <summary>Accounts granted the token's <c>MINTER_ROLE</c> besides the admin (e.g. the banking simulator).</summary>
    public IReadOnlyList<Address> Minters { get; init; } = [];

    /// <summary>MXNB minted at deployment, in base units (6 decimals).</summary>
    public IReadOnlyDictionary<Address, BigInteger> Mints { get; init; } = new Dictionary<Address, BigInteger>();
}
