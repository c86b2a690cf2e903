// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title PaymentEscrow
/// @notice Holds ERC-20 funds for one payment each, from creation until released to the payee or
///         returned to the payer.
/// @dev Rules, in one place:
///      - createEscrow: anyone, for their own funds; the tokens are pulled at creation (funds locked).
///        A payer can escrow a given paymentId only once, so a retried creation cannot lock funds twice
///        and nobody else can squat the id.
///      - release: OPERATOR_ROLE only, at any time while Funded (the platform's orchestration waits for
///        custodyEnd or an approved early release before it calls). Nobody else can release, not even
///        after custodyEnd: the off-chain approvals are the authority on payouts.
///      - dispute: the payer or an operator, while Funded (before release). Allowed while paused,
///        because it moves no money and only protects the payer.
///      - resolveDispute: OPERATOR_ROLE, while Disputed; pays the payee or refunds the payer.
///      - refund: OPERATOR_ROLE, while Funded; returns the funds to the payer.
///      - cancel: OPERATOR_ROLE, while Funded and before custodyEnd; returns the funds to the payer.
///      - Every movement of funds stops while paused (PAUSER_ROLE).
contract PaymentEscrow is AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    enum Status {
        Funded,
        Released,
        Disputed,
        Refunded,
        Cancelled
    }

    struct Escrow {
        bytes32 paymentId;
        address payer;
        address payee;
        address token;
        uint256 amount;
        uint64 custodyEnd;
        uint64 createdAt;
        Status status;
    }

    event EscrowCreated(
        uint256 indexed escrowId,
        bytes32 indexed paymentId,
        address indexed payer,
        address payee,
        address token,
        uint256 amount,
        uint64 custodyEnd
    );
    event EscrowReleased(uint256 indexed escrowId, address indexed payee, uint256 amount);
    event EscrowDisputed(uint256 indexed escrowId, address indexed by);
    event DisputeResolved(uint256 indexed escrowId, bool toPayee);
    event EscrowRefunded(uint256 indexed escrowId, address indexed payer, uint256 amount);
    event EscrowCancelled(uint256 indexed escrowId, address indexed payer, uint256 amount);

    error ZeroAddress();
    error ZeroAmount();
    error InvalidCustodyEnd(uint64 custodyEnd);
    error DuplicatePayment(bytes32 paymentId, uint256 existingEscrowId);
    error TransferAmountMismatch(uint256 expected, uint256 received);
    error EscrowNotFound(uint256 escrowId);
    error InvalidStatus(uint256 escrowId, Status current);
    error NotPayerOrOperator(uint256 escrowId, address caller);
    error CustodyEnded(uint256 escrowId, uint64 custodyEnd);

    uint256 private _lastEscrowId;
    mapping(uint256 => Escrow) private _escrows;
    mapping(address => mapping(bytes32 => uint256)) private _escrowIdByPayment;

    constructor(address admin) {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    /// @notice Locks `amount` of `token` from the caller for `payee` until released or returned.
    /// @dev The caller must have approved this contract for `amount` first.
    /// @return escrowId The new escrow's id, counting from 1.
    function createEscrow(bytes32 paymentId, address payee, address token, uint256 amount, uint64 custodyEnd)
        external
        whenNotPaused
        nonReentrant
        returns (uint256 escrowId)
    {
        if (payee == address(0) || token == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        if (custodyEnd <= block.timestamp) revert InvalidCustodyEnd(custodyEnd);
        uint256 existing = _escrowIdByPayment[msg.sender][paymentId];
        if (existing != 0) revert DuplicatePayment(paymentId, existing);

        escrowId = ++_lastEscrowId;
        _escrowIdByPayment[msg.sender][paymentId] = escrowId;
        _escrows[escrowId] = Escrow({
            paymentId: paymentId,
            payer: msg.sender,
            payee: payee,
            token: token,
            amount: amount,
            custodyEnd: custodyEnd,
            createdAt: uint64(block.timestamp),
            status: Status.Funded
        });

        // Fee-on-transfer tokens would leave the escrow short; refuse them.
        IERC20 erc20 = IERC20(token);
        uint256 before = erc20.balanceOf(address(this));
        erc20.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = erc20.balanceOf(address(this)) - before;
        if (received != amount) revert TransferAmountMismatch(amount, received);

        emit EscrowCreated(escrowId, paymentId, msg.sender, payee, token, amount, custodyEnd);
    }

    /// @notice Pays a funded escrow to its payee.
    function release(uint256 escrowId) external onlyRole(OPERATOR_ROLE) whenNotPaused nonReentrant {
        Escrow storage escrow = _funded(escrowId);
        escrow.status = Status.Released;
        IERC20(escrow.token).safeTransfer(escrow.payee, escrow.amount);
        emit EscrowReleased(escrowId, escrow.payee, escrow.amount);
    }

    /// @notice Freezes a funded escrow until an operator resolves the dispute.
    function dispute(uint256 escrowId) external {
        Escrow storage escrow = _funded(escrowId);
        if (msg.sender != escrow.payer && !hasRole(OPERATOR_ROLE, msg.sender)) {
            revert NotPayerOrOperator(escrowId, msg.sender);
        }
        escrow.status = Status.Disputed;
        emit EscrowDisputed(escrowId, msg.sender);
    }

    /// @notice Ends a dispute by paying the payee (`toPayee`) or refunding the payer.
    function resolveDispute(uint256 escrowId, bool toPayee) external onlyRole(OPERATOR_ROLE) whenNotPaused nonReentrant {
        Escrow storage escrow = _existing(escrowId);
        if (escrow.status != Status.Disputed) revert InvalidStatus(escrowId, escrow.status);
        emit DisputeResolved(escrowId, toPayee);
        if (toPayee) {
            escrow.status = Status.Released;
            IERC20(escrow.token).safeTransfer(escrow.payee, escrow.amount);
            emit EscrowReleased(escrowId, escrow.payee, escrow.amount);
        } else {
            escrow.status = Status.Refunded;
            IERC20(escrow.token).safeTransfer(escrow.payer, escrow.amount);
            emit EscrowRefunded(escrowId, escrow.payer, escrow.amount);
        }
    }

    /// @notice Returns a funded escrow to its payer.
    function refund(uint256 escrowId) external onlyRole(OPERATOR_ROLE) whenNotPaused nonReentrant {
        Escrow storage escrow = _funded(escrowId);
        escrow.status = Status.Refunded;
        IERC20(escrow.token).safeTransfer(escrow.payer, escrow.amount);
        emit EscrowRefunded(escrowId, escrow.payer, escrow.amount);
    }

    /// @notice Calls off a funded escrow before its custody ends and returns the funds to the payer.
    function cancel(uint256 escrowId) external onlyRole(OPERATOR_ROLE) whenNotPaused nonReentrant {
        Escrow storage escrow = _funded(escrowId);
        if (block.timestamp >= escrow.custodyEnd) revert CustodyEnded(escrowId, escrow.custodyEnd);
        escrow.status = Status.Cancelled;
        IERC20(escrow.token).safeTransfer(escrow.payer, escrow.amount);
        emit EscrowCancelled(escrowId, escrow.payer, escrow.amount);
    }

    /// @notice Stops every movement of funds.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Resumes movements of funds.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    /// @notice The escrow with `escrowId`; reverts with EscrowNotFound for unknown ids.
    function getEscrow(uint256 escrowId) external view returns (Escrow memory) {
        return _existing(escrowId);
    }

    /// @notice The escrow `payer` created for `paymentId`, or 0 when there is none.
    function escrowIdOf(address payer, bytes32 paymentId) external view returns (uint256) {
        return _escrowIdByPayment[payer][paymentId];
    }

    /// @notice The id of the most recently created escrow (0 before the first).
    function lastEscrowId() external view returns (uint256) {
        return _lastEscrowId;
    }

    function _existing(uint256 escrowId) private view returns (Escrow storage escrow) {
        escrow = _escrows[escrowId];
        if (escrow.payer == address(0)) revert EscrowNotFound(escrowId);
    }

    function _funded(uint256 escrowId) private view returns (Escrow storage escrow) {
        escrow = _existing(escrowId);
        if (escrow.status != Status.Funded) revert InvalidStatus(escrowId, escrow.status);
    }
}
