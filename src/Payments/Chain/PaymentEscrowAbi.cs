using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Contracts;

namespace PaymentFunctions.Payments.Chain;

/// <summary>
/// The parts of <c>contracts/src/PaymentEscrow.sol</c> the gateway uses, declared here because the app ships
/// without the compiled artifacts (those are for deploying, in LocalStack).
/// </summary>
internal static class PaymentEscrowAbi
{
    public static AbiFunction CreateEscrow { get; } =
        AbiFunction.Parse("function createEscrow(bytes32 paymentId, address payee, address token, uint256 amount, uint64 custodyEnd) returns (uint256 escrowId)");

    public static AbiFunction Release { get; } = AbiFunction.Parse("function release(uint256 escrowId)");

    public static AbiFunction Refund { get; } = AbiFunction.Parse("function refund(uint256 escrowId)");

    public static AbiFunction Dispute { get; } = AbiFunction.Parse("function dispute(uint256 escrowId)");

    public static AbiFunction Cancel { get; } = AbiFunction.Parse("function cancel(uint256 escrowId)");

    public static AbiFunction ResolveDispute { get; } = AbiFunction.Parse("function resolveDispute(uint256 escrowId, bool toPayee)");

    public static AbiFunction GetEscrow { get; } = AbiFunction.Parse(
        "function getEscrow(uint256 escrowId) view returns ((bytes32 paymentId, address payer, address payee, address token, uint256 amount, uint64 custodyEnd, uint64 createdAt, uint8 status))");

    public static AbiFunction EscrowIdOf { get; } = AbiFunction.Parse("function escrowIdOf(address payer, bytes32 paymentId) view returns (uint256)");

    public static AbiEvent EscrowCreated { get; } = AbiEvent.Parse(
        "event EscrowCreated(uint256 indexed escrowId, bytes32 indexed paymentId, address indexed payer, address payee, address token, uint256 amount, uint64 custodyEnd)");

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
