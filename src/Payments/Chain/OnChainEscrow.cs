using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Payments.Chain;

/// <summary>
/// An escrow as the contract reports it (<c>getEscrow</c>), so the blockchain sync can compare the chain's truth
/// with the database and flag drift.
/// </summary>
/// <param name="EscrowId">The contract's id (from 1).</param>
/// <param name="PaymentIdHash">keccak256 of the payment id's UTF-8 bytes.</param>
/// <param name="Payer">Who locked the tokens (the bridge wallet).</param>
/// <param name="Payee">Who a release pays (the platform's Juno deposit address).</param>
/// <param name="Token">The ERC-20 held.</param>
/// <param name="Amount">Token base units held.</param>
/// <param name="CustodyEnd">The custody end written at creation.</param>
/// <param name="CreatedAt">The creating block's time.</param>
/// <param name="Status">The state.</param>
public sealed record OnChainEscrow(
    BigInteger EscrowId,
    ReadOnlyMemory<byte> PaymentIdHash,
    Address Payer,
    Address Payee,
    Address Token,
    BigInteger Amount,
    DateTimeOffset CustodyEnd,
    DateTimeOffset CreatedAt,
    OnChainEscrowStatus Status);
