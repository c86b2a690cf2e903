using System.Net;
using System.Text.Json;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Banking.Juno.Webhooks;

namespace PaymentFunctions.Banking.Tests.Juno.Webhooks;

public sealed class JunoWebhookReceiverTests
{
    private const string Secret = "a-long-webhook-shared-secret";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a-long-webhook-shared-secreT")]
    [InlineData("a-long-webhook-shared-secret-and-more")]
    public async Task Refuses_wrong_secret_without_reading_anything(string? presented)
    {
        var api = new FakeApi();
        api.Set("tx1", JunoTransactionStatus.Complete);
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, api);

        var result = await receiver.ReceiveAsync(presented, Body("tx1", JunoTransactionStatus.Complete));

        Assert.Equal(JunoWebhookOutcome.Rejected, result.Outcome);
        Assert.False(result.Acknowledge);
        Assert.Equal(0, api.Reads);
    }

    [Fact]
    public async Task Acts_on_the_api_state_not_the_body()
    {
        var api = new FakeApi();
        api.Set("tx1", JunoTransactionStatus.InProgress);
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, api);

        // The body claims COMPLETE but Juno says IN_PROGRESS: nothing to act on yet.
        var result = await receiver.ReceiveAsync(Secret, Body("tx1", JunoTransactionStatus.Complete));

        Assert.Equal(JunoWebhookOutcome.NotFinal, result.Outcome);
        Assert.False(result.ShouldAct);
        Assert.True(result.Acknowledge);
        Assert.Equal(1, api.Reads);
    }

    [Fact]
    public async Task Duplicate_and_out_of_order_deliveries_lead_to_one_action()
    {
        var api = new FakeApi();
        api.Set("tx1", JunoTransactionStatus.Complete);
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, api);

        // COMPLETE twice, then the stale IN_PROGRESS event arriving last.
        var outcomes = new List<JunoWebhookOutcome>();
        foreach (var status in new[] { JunoTransactionStatus.Complete, JunoTransactionStatus.Complete, JunoTransactionStatus.InProgress })
        {
            outcomes.Add((await receiver.ReceiveAsync(Secret, Body("tx1", status))).Outcome);
        }

        Assert.Equal([JunoWebhookOutcome.Accepted, JunoWebhookOutcome.Duplicate, JunoWebhookOutcome.Duplicate], outcomes);
    }

    [Fact]
    public async Task Concurrent_duplicates_act_once()
    {
        var api = new FakeApi();
        api.Set("tx1", JunoTransactionStatus.Failed);
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, api);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => receiver.ReceiveAsync(Secret, Body("tx1", JunoTransactionStatus.Failed)))));

        Assert.Single(results, r => r.ShouldAct);
        Assert.Equal(19, results.Count(r => r.Outcome == JunoWebhookOutcome.Duplicate));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"event":"TRANSACTION","payload":{}}""")]
    [InlineData("""{"event":"TRANSACTION","payload":{"id":"../../balances"}}""")]
    public async Task Malformed_bodies_are_refused_without_api_calls(string body)
    {
        var api = new FakeApi();
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, api);

        var result = await receiver.ReceiveAsync(Secret, body);

        Assert.Equal(JunoWebhookOutcome.Malformed, result.Outcome);
        Assert.Equal(0, api.Reads);
    }

    [Fact]
    public async Task Unknown_transaction_is_reported_not_acted_on()
    {
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, new FakeApi());

        var result = await receiver.ReceiveAsync(Secret, Body("forged", JunoTransactionStatus.Complete));

        Assert.Equal(JunoWebhookOutcome.UnknownTransaction, result.Outcome);
        Assert.False(result.ShouldAct);
    }

    [Fact]
    public void Requires_a_reasonably_long_secret()
    {
        Assert.Throws<ArgumentException>(() => new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = "short" }, new FakeApi()));
    }

    private static string Body(string id, JunoTransactionStatus status) =>
        JsonSerializer.Serialize(
            new JunoTransactionWebhook
            {
                Payload = new JunoTransaction { Id = id, Amount = 150m, TransactionType = JunoTransactionType.Issuance, SummaryStatus = status },
            },
            JunoJson.Options);

    private sealed class FakeApi : IJunoClient
    {
        private readonly Dictionary<string, JunoTransaction> _transactions = [];
        private int _reads;

        public int Reads => _reads;

        public void Set(string id, JunoTransactionStatus status) =>
            _transactions[id] = new JunoTransaction { Id = id, Amount = 150m, TransactionType = JunoTransactionType.Issuance, SummaryStatus = status };

        public Task<JunoTransaction> GetTransactionAsync(string transactionId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return _transactions.TryGetValue(transactionId, out var tx)
                ? Task.FromResult(tx)
                : throw new JunoApiException(HttpStatusCode.NotFound, "404", "not found");
        }

        public Task<JunoPage<JunoTransaction>> ListTransactionsAsync(JunoTransactionQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoClabe> CreateClabeAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoPage<JunoClabe>> ListClabesAsync(int page = 1, int pageSize = 25, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoPage<JunoDeposit>> ListDepositsAsync(JunoDepositQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoClabe> GetClabeAsync(string clabe, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoTransaction> CreateWithdrawalAsync(JunoWithdrawalRequest request, string idempotencyKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoTransaction> CreateRedemptionAsync(JunoRedemptionRequest request, string idempotencyKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoTransaction> CreateIssuanceAsync(JunoIssuanceRequest request, string idempotencyKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<JunoBankAccount>> ListBankAccountsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoBalances> GetBalancesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JunoWebhookRegistrationResult> RegisterWebhookAsync(Uri callbackUrl, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CreateTestDepositAsync(JunoTestDepositRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
