using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Contracts;

namespace PaymentFunctions.Payments.Chain;

/// <summary>
/// The custom errors of <c>contracts/src/PaymentEscrow.sol</c> and what it calls, to decode its reverts; its functions
/// and events are the typed Nethereum messages in <c>Escrow/</c>. Declared here because the app ships without the
/// compiled artifacts (those are for deploying, in LocalStack).
/// </summary>
internal static class PaymentEscrowAbi
{
    /// <summary>The escrow's custom errors, OpenZeppelin's access-control and pausable errors, and the token's ERC-6093 errors.</summary>
    public static IReadOnlyList<AbiError> Errors { get; } =
    [
        AbiError.Parse("error ZeroAddress()"),
        AbiError.Parse("error ZeroAmount()"),
        AbiError.Parse("error InvalidCustodyEnd(uint64 custodyEnd)"),
        AbiError.Parse("error DuplicatePayment(bytes32 paymentId, uint256 existingEscrowId)"),
        AbiError.Parse("error TransferAmountMismatch(uint256 expected, uint256 received)"),
        AbiError.Parse("error EscrowNotFound(uint256 escrowId)"),
        AbiError.Parse("error InvalidStatus(uint256 escrowId, uint8 current)"),
        AbiError.Parse("error NotPayerOrOperator(uint256 escrowId, address caller)"),
        AbiError.Parse("error CustodyEnded(uint256 escrowId, uint64 custodyEnd)"),
        AbiError.Parse("error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)"),
        AbiError.Parse("error EnforcedPause()"),
        AbiError.Parse("error ReentrancyGuardReentrantCall()"),
        AbiError.Parse("error SafeERC20FailedOperation(address token)"),
        .. Erc20.Errors,
    ];
}
