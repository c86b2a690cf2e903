using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// Where the local contracts live once deployed.
/// </summary>
/// <param name="ChainId">The chain they were deployed to.</param>
/// <param name="Token">The MXNB test token.</param>
/// <param name="Escrow">The payment escrow.</param>
/// <param name="Admin">The admin (and pauser) of both contracts.</param>
/// <param name="DeploymentBlock">The block of the escrow's deployment; event scans start here.</param>
public sealed record ContractDeployment(long ChainId, Address Token, Address Escrow, Address Admin, BigInteger DeploymentBlock);
