using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Juno;

/// <summary>The Juno (Bitso) mint platform and SPEI API, as the rest of the product uses it.</summary>
/// <remarks>
/// Calls that move money take an idempotency key from the caller. Derive it from the orchestration step
/// (<c>{instanceId}:{taskSequenceId}</c>) so a retried activity repeats the same request and Juno returns the
/// original transaction instead of creating a second one.
/// </remarks>
public interface IJunoClient
{
    /// <summary>Lists transactions (<c>GET /mint_platform/v1/transactions</c>).</summary>
    Task<JunoPage<JunoTransaction>> ListTransactionsAsync(JunoTransactionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one transaction; throws <see cref="JunoApiException"/> with 404 when unknown.</summary>
    Task<JunoTransaction> GetTransactionAsync(string transactionId, CancellationToken cancellationToken = default);

    /// <summary>Creates an AUTO_PAYMENT CLABE (<c>POST /mint_platform/v1/clabes</c>).</summary>
    Task<JunoClabe> CreateClabeAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the account's CLABEs (<c>GET /spei/v1/clabes</c>).</summary>
    Task<JunoPage<JunoClabe>> ListClabesAsync(int page = 1, int pageSize = 25, CancellationToken cancellationToken = default);

    /// <summary>Reads one CLABE (<c>GET /spei/v1/clabes/{clabe}</c>).</summary>
    Task<JunoClabe> GetClabeAsync(string clabe, CancellationToken cancellationToken = default);

    /// <summary>Lists MXN deposits into the account's CLABEs (<c>GET /spei/v1/deposits</c>).</summary>
    Task<JunoPage<JunoDeposit>> ListDepositsAsync(JunoDepositQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sends tokens to an address on chain (<c>POST /mint_platform/v1/withdrawals</c>).</summary>
    Task<JunoTransaction> CreateWithdrawalAsync(JunoWithdrawalRequest request, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Redeems MXNB and pays MXN out by SPEI (<c>POST /mint_platform/v1/redemptions</c>).</summary>
    Task<JunoTransaction> CreateRedemptionAsync(JunoRedemptionRequest request, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Issues MXNB from MXN held at Juno (<c>POST /mint_platform/v1/issuance</c>).</summary>
    Task<JunoTransaction> CreateIssuanceAsync(JunoIssuanceRequest request, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Lists registered payout bank accounts (<c>GET /mint_platform/v1/accounts/banks</c>).</summary>
    Task<IReadOnlyList<JunoBankAccount>> ListBankAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads balances (<c>GET /mint_platform/v1/balances</c>).</summary>
    Task<JunoBalances> GetBalancesAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers a callback URL for TRANSACTION events (<c>POST /v4/webhooks</c>).</summary>
    Task<JunoWebhookRegistrationResult> RegisterWebhookAsync(Uri callbackUrl, CancellationToken cancellationToken = default);

    /// <summary>Simulates an incoming SPEI deposit (<c>POST /spei/test/deposits</c>; stage and simulator only).</summary>
    Task CreateTestDepositAsync(JunoTestDepositRequest request, CancellationToken cancellationToken = default);
}
