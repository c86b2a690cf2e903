using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Payments.Chain;

/// <summary>A funded escrow, as the payment records it once <c>createEscrow</c> is confirmed.</summary>
/// <param name="EscrowId">The id from the <c>EscrowCreated</c> event.</param>
/// <param name="Contract">The escrow contract.</param>
/// <param name="Payer">The bridge wallet.</param>
/// <param name="Payee">The platform's deposit address.</param>
/// <param name="ApproveTransactionHash">The <c>approve</c> transaction; empty when the escrow was found already created by another step.</param>
/// <param name="CreateTransactionHash">The <c>createEscrow</c> transaction.</param>
public sealed record EscrowFunding(
    BigInteger EscrowId,
    Address Contract,
    Address Payer,
    Address Payee,
    string ApproveTransactionHash,
    string CreateTransactionHash);
