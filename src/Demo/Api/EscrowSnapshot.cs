namespace PaymentFunctions.Demo.Api;

/// <summary>The payment's on-chain escrow as the API reports it.</summary>
/// <param name="Id">The contract's escrow id.</param>
/// <param name="Status">The contract-side status.</param>
/// <param name="CreateTx">The createEscrow transaction.</param>
/// <param name="ReleaseTx">The release transaction, once released.</param>
public sealed record EscrowSnapshot(string Id, string? Status, string? CreateTx, string? ReleaseTx);
