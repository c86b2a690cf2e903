using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Tests.Juno;

/// <summary>Client behaviour against scripted HTTP answers (no server needed).</summary>
public sealed class JunoClientEnvelopeTests
{
    [Fact]
    public async Task Maps_error_envelope_to_JunoApiException_with_code_and_status()
    {
        var handler = new ScriptedHandler((HttpStatusCode.BadRequest, """{"success":false,"error":{"code":"1001","message":"Insufficient balance"}}"""));
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<JunoApiException>(() => client.GetBalancesAsync());

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("1001", ex.Code);
        Assert.Equal("Insufficient balance", ex.Message);
        Assert.False(ex.IsTransient);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Reads_the_documented_transaction_details_with_its_timeline()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """
            {"success":true,"payload":{"transaction_id":"2f0c","amount":"1500.25","currency":"mxnb","transaction_type":"CRYPTO_WITHDRAWAL",
             "status":"COMPLETE","network":"ARBITRUM","details":{"address":"0xabc","tx_hash":"0xfeed"},
             "timeline":[{"step":"REQUESTED","status":"IN_PROGRESS","date":"2026-01-01T00:00:00Z"},{"step":"COMPLETE","status":"COMPLETE","date":"2026-01-01T00:00:05Z","receipt":"0xfeed"}],
             "created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:05Z"}}
            """));

        var transaction = await CreateClient(handler).GetTransactionAsync("2f0c");

        Assert.Equal("2f0c", transaction.Id);
        Assert.Equal(JunoTransactionStatus.Complete, transaction.SummaryStatus);
        Assert.Equal(JunoTransactionType.CryptoWithdrawal, transaction.TransactionType);
        Assert.Equal(1500.25m, transaction.Amount);
        Assert.Equal("0xfeed", transaction.Details!.TxHash);
        Assert.Equal("0xfeed", transaction.Timeline[^1].Receipt);
        Assert.Equal(2, transaction.Timeline.Count);
    }

    [Fact]
    public async Task Reads_the_older_transaction_shape_with_id_and_summary_status()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """
            {"success":true,"payload":{"id":"9f6d","amount":1000,"currency":"MXN","transaction_type":"REDEMPTION","method":"BITSO_TRANSFER",
             "summary_status":"IN_PROGRESS","created_at":"2025-07-07T14:54:16.673308296Z","updated_at":"2025-07-07T14:54:27.039004229Z"}}
            """));

        var transaction = await CreateClient(handler).GetTransactionAsync("9f6d");

        Assert.Equal("9f6d", transaction.Id);
        Assert.Equal(JunoTransactionStatus.InProgress, transaction.SummaryStatus);
        Assert.Equal(1000m, transaction.Amount);
        Assert.Empty(transaction.Timeline);
    }

    [Fact]
    public async Task A_transaction_without_an_id_is_a_client_error_not_a_silent_default()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """{"success":true,"payload":{"amount":1,"status":"COMPLETE"}}"""));

        await Assert.ThrowsAnyAsync<Exception>(() => CreateClient(handler).GetTransactionAsync("x"));
    }

    [Fact]
    public async Task Retries_5xx_and_429_then_succeeds()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.ServiceUnavailable, """{"success":false,"error":{"code":"503","message":"down"}}"""),
            (HttpStatusCode.TooManyRequests, "rate limited"),
            (HttpStatusCode.OK, """{"success":true,"payload":{"balances":[{"asset":"mxnb","balance":"150.25"}]}}"""));
        var client = CreateClient(handler);

        var balances = await client.GetBalancesAsync();

        Assert.Equal(150.25m, Assert.Single(balances.Balances).Balance);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(3, handler.Nonces.Distinct().Count());
    }

    [Fact]
    public async Task Gives_up_after_max_retries_with_the_last_transient_error()
    {
        var handler = new ScriptedHandler(Enumerable.Repeat((HttpStatusCode.InternalServerError, "{}"), 10).ToArray());
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<JunoApiException>(() => client.GetBalancesAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(4, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task Never_retries_4xx(HttpStatusCode status)
    {
        var handler = new ScriptedHandler((status, """{"success":false,"error":{"code":"x","message":"no"}}"""), (HttpStatusCode.OK, "{}"));
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<JunoApiException>(() => client.GetTransactionAsync("abc"));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Sends_idempotency_key_and_signed_json_body_on_redemption()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """{"success":true,"payload":{"id":"t1","amount":150,"currency":"MXN","transaction_type":"REDEMPTION","summary_status":"IN_PROGRESS","created_at":"2025-07-07T14:54:16.673308296Z","updated_at":"2025-07-07T14:54:27.039004229Z"}}"""));
        var client = CreateClient(handler);

        var tx = await client.CreateRedemptionAsync(new JunoRedemptionRequest { Amount = "150.00", DestinationBankAccountId = "acc" }, "payment-1:7");

        Assert.Equal("t1", tx.Id);
        Assert.Equal(JunoTransactionType.Redemption, tx.TransactionType);
        Assert.Equal(JunoTransactionStatus.InProgress, tx.SummaryStatus);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("payment-1:7", request.IdempotencyKey);
        Assert.Equal("""{"amount":"150.00","destination_bank_account_id":"acc","asset":"MXN"}""", request.Body);
        Assert.True(JunoRequestSigner.TryParseAuthorizationHeader(request.Authorization, out var key, out var nonce, out var signature));
        Assert.Equal("key", key);
        Assert.Equal(JunoRequestSigner.ComputeSignature("secret", nonce, "POST", "/mint_platform/v1/redemptions", request.Body), signature);
    }

    [Fact]
    public async Task Refuses_redemption_under_100_mxn_without_calling_juno()
    {
        var handler = new ScriptedHandler();
        var client = CreateClient(handler);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            client.CreateRedemptionAsync(new JunoRedemptionRequest { Amount = "99.99" }, "k"));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.CreateWithdrawalAsync(new JunoWithdrawalRequest { Amount = "1", Address = "0x1" }, " "));
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Reads_the_transactions_list_as_a_spring_page_with_a_zero_based_number()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """
            {"success":true,"payload":{"content":[{"transaction_id":"t-1","amount":"250.00","currency":"MXN","transaction_type":"ISSUANCE","status":"COMPLETE"}],
             "pageable":{"page_number":1,"page_size":1,"offset":1},"total_elements":3,"total_pages":3,"size":1,"number":1,
             "number_of_elements":1,"first":false,"last":false,"empty":false}}
            """));
        var client = CreateClient(handler);

        var page = await client.ListTransactionsAsync(new JunoTransactionQuery { Page = 2, Size = 1 });

        var only = Assert.Single(page.Response);
        Assert.Equal("t-1", only.Id);
        Assert.Equal(250.00m, only.Amount);
        Assert.Equal(3, page.TotalItems);
        Assert.Equal(3, page.TotalPages);
        Assert.Equal(2, page.CurrentPage);
        Assert.Equal(1, page.PageSize);
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task Signs_query_string_of_transaction_filters()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """{"success":true,"payload":{"total_items":"0","total_pages":"0","current_page":"2","page_size":"10","response":[]}}"""));
        var client = CreateClient(handler);

        var page = await client.ListTransactionsAsync(new JunoTransactionQuery
        {
            Type = JunoTransactionType.CryptoDeposit,
            Status = JunoTransactionStatus.Complete,
            OldestFirst = true,
            Page = 2,
            Size = 10,
        });

        Assert.Equal(2, page.CurrentPage);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("/mint_platform/v1/transactions?type=CRYPTO_DEPOSIT&status=COMPLETE&sort=createdAt%2CASC&page=2&size=10", request.PathAndQuery);
        Assert.True(JunoRequestSigner.TryParseAuthorizationHeader(request.Authorization, out _, out var nonce, out var signature));
        Assert.Equal(JunoRequestSigner.ComputeSignature("secret", nonce, "GET", request.PathAndQuery, string.Empty), signature);
    }

    [Fact]
    public async Task Keeps_a_base_path_and_signs_it()
    {
        var handler = new ScriptedHandler((HttpStatusCode.OK, """{"success":true,"payload":{"balances":[]}}"""));
        var client = CreateClient(handler, "http://juno.test/gateway");

        await client.GetBalancesAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/gateway/mint_platform/v1/balances", request.PathAndQuery);
        Assert.True(JunoRequestSigner.TryParseAuthorizationHeader(request.Authorization, out _, out var nonce, out var signature));
        Assert.Equal(JunoRequestSigner.ComputeSignature("secret", nonce, "GET", "/gateway/mint_platform/v1/balances", string.Empty), signature);
    }

    private static JunoClient CreateClient(HttpMessageHandler handler, string baseAddress = "http://juno.test/") =>
        new(new HttpClient(handler), Options.Create(new JunoOptions
        {
            BaseAddress = new Uri(baseAddress),
            ApiKey = "key",
            ApiSecret = "secret",
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        }));

    private sealed record SeenRequest(string PathAndQuery, string? Authorization, string? IdempotencyKey, string Body);

    private sealed class ScriptedHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        private int _next;

        public int Calls => Requests.Count;

        public List<SeenRequest> Requests { get; } = [];

        public IEnumerable<long> Nonces => Requests.Select(r =>
            JunoRequestSigner.TryParseAuthorizationHeader(r.Authorization, out _, out var n, out _) ? n : -1);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new SeenRequest(
                request.RequestUri!.PathAndQuery,
                request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null,
                request.Headers.TryGetValues("X-Idempotency-Key", out var keys) ? keys.Single() : null,
                body));
            var (status, text) = answers[_next++];
            return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        }
    }
}
