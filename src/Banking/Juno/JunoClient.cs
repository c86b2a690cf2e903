using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Juno.Models;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PaymentFunctions.Banking.Juno;

/// <summary>Typed <see cref="HttpClient"/> for Juno: signs every attempt, unwraps the envelope, retries transient failures.</summary>
/// <remarks>
/// Each attempt is signed again with a new nonce (Juno refuses a repeated nonce). Timeouts, connection failures,
/// 5xx and 429 are retried with exponential backoff and jitter; other 4xx answers are final and never retried.
/// Retrying a money-moving call is safe only because the caller's idempotency key travels with every attempt.
/// Juno rejects a nonce lower than one it has already seen, so one client sends one request at a time: concurrent
/// requests would otherwise reach Juno in a different order than they were signed. Use one instance per API key
/// (register it as a singleton); separate processes need separate API keys.
/// </remarks>
public sealed partial class JunoClient : IJunoClient
{
    private const string IdempotencyHeader = "X-Idempotency-Key";

    private readonly HttpClient _http;
    private readonly JunoOptions _options;
    private readonly Uri _baseAddress;
    private readonly JunoRequestSigner _signer;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    /// <summary>Creates the client over <paramref name="httpClient"/>; per-attempt timeouts come from <see cref="JunoOptions.AttemptTimeout"/>.</summary>
    public JunoClient(HttpClient httpClient, IOptions<JunoOptions> options, ILogger<JunoClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options.Value;

        // Without a trailing slash a base path such as "/juno" would be replaced, not extended, by relative paths.
        var root = _options.BaseAddress.AbsoluteUri;
        _baseAddress = root.EndsWith('/') ? _options.BaseAddress : new Uri(root + "/");
        _signer = new JunoRequestSigner(_options.ApiKey, _options.ApiSecret);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pipeline = BuildPipeline(_options, _logger);
    }

    /// <inheritdoc />
    public Task<JunoPage<JunoTransaction>> ListTransactionsAsync(JunoTransactionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, string>>();
        if (query.Type is { } type)
        {
            parameters.Add(new("type", ToWire(type)));
        }

        if (query.Status is { } status)
        {
            parameters.Add(new("status", ToWire(status)));
        }

        if (query.AmountFrom is { } from)
        {
            parameters.Add(new("amountFrom", from.ToString(CultureInfo.InvariantCulture)));
        }

        if (query.AmountTo is { } to)
        {
            parameters.Add(new("amountTo", to.ToString(CultureInfo.InvariantCulture)));
        }

        if (query.IsoDateFrom is { } dateFrom)
        {
            parameters.Add(new("isoDateFrom", dateFrom.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }

        if (query.IsoDateTo is { } dateTo)
        {
            parameters.Add(new("isoDateTo", dateTo.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }

        if (query.OldestFirst)
        {
            parameters.Add(new("sort", "createdAt,ASC"));
        }

        parameters.Add(new("page", query.Page.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(new("size", query.Size.ToString(CultureInfo.InvariantCulture)));
        return SendAsync<JunoPage<JunoTransaction>>(HttpMethod.Get, WithQuery("mint_platform/v1/transactions", parameters), null, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JunoTransaction> GetTransactionAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        return SendAsync<JunoTransaction>(HttpMethod.Get, "mint_platform/v1/transactions/" + Uri.EscapeDataString(transactionId), null, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JunoClabe> CreateClabeAsync(CancellationToken cancellationToken = default) =>
        SendAsync<JunoClabe>(HttpMethod.Post, "mint_platform/v1/clabes", null, null, cancellationToken);

    /// <inheritdoc />
    public Task<JunoPage<JunoClabe>> ListClabesAsync(int page = 1, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var path = WithQuery("spei/v1/clabes", [
            new("clabe_type", "AUTO_PAYMENT"),
            new("page", page.ToString(CultureInfo.InvariantCulture)),
            new("page_size", pageSize.ToString(CultureInfo.InvariantCulture)),
        ]);
        return SendAsync<JunoPage<JunoClabe>>(HttpMethod.Get, path, null, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JunoClabe> GetClabeAsync(string clabe, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clabe);
        return SendAsync<JunoClabe>(HttpMethod.Get, "spei/v1/clabes/" + Uri.EscapeDataString(clabe), null, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JunoPage<JunoDeposit>> ListDepositsAsync(JunoDepositQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, string>>();
        if (query.ReceiverClabe is { } receiver)
        {
            parameters.Add(new("receiver_clabe", receiver));
        }

        if (query.SenderClabe is { } sender)
        {
            parameters.Add(new("sender_clabe", sender));
        }

        if (query.DepositStatus is { } status)
        {
            parameters.Add(new("deposit_status", status));
        }

        if (query.StartDate is { } start)
        {
            parameters.Add(new("start_date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (query.EndDate is { } end)
        {
            parameters.Add(new("end_date", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        parameters.Add(new("page", query.Page.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(new("page_size", query.PageSize.ToString(CultureInfo.InvariantCulture)));
        return SendAsync<JunoPage<JunoDeposit>>(HttpMethod.Get, WithQuery("spei/v1/deposits", parameters), null, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JunoTransaction> CreateWithdrawalAsync(JunoWithdrawalRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return SendAsync<JunoTransaction>(HttpMethod.Post, "mint_platform/v1/withdrawals", request, idempotencyKey, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JunoTransaction> CreateRedemptionAsync(JunoRedemptionRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (!decimal.TryParse(request.Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount < Amounts.Mxn.MinimumRedemption.Amount)
        {
            // Juno would refuse it anyway; failing here keeps a doomed request off the wire.
            throw new ArgumentOutOfRangeException(nameof(request), request.Amount, "Redemptions must be at least 100.00 MXN.");
        }

        return SendAsync<JunoTransaction>(HttpMethod.Post, "mint_platform/v1/redemptions", request, idempotencyKey, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JunoTransaction> CreateIssuanceAsync(JunoIssuanceRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return SendAsync<JunoTransaction>(HttpMethod.Post, "mint_platform/v1/issuance", request, idempotencyKey, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JunoBankAccount>> ListBankAccountsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<JunoBankAccount>>(HttpMethod.Get, "mint_platform/v1/accounts/banks", null, null, cancellationToken);

    /// <inheritdoc />
    public Task<JunoBalances> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<JunoBalances>(HttpMethod.Get, "mint_platform/v1/balances", null, null, cancellationToken);

    /// <inheritdoc />
    public Task<JunoWebhookRegistrationResult> RegisterWebhookAsync(Uri callbackUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        var body = new Dictionary<string, object> { ["callback_url"] = callbackUrl.ToString(), ["events"] = new[] { "TRANSACTION" } };
        return SendAsync<JunoWebhookRegistrationResult>(HttpMethod.Post, "v4/webhooks", body, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task CreateTestDepositAsync(JunoTestDepositRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<JsonElement>(HttpMethod.Post, "spei/test/deposits", request, null, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string relativePath, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress, relativePath);
        var json = body is null ? string.Empty : JsonSerializer.Serialize(body, body.GetType(), JunoJson.Options);
        var loggedPath = MaskDigits(uri.AbsolutePath);

        return await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(method, uri);
                if (body is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                if (idempotencyKey is not null)
                {
                    request.Headers.TryAddWithoutValidation(IdempotencyHeader, idempotencyKey);
                }

                HttpStatusCode status;
                string text;
                await _sendGate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    // Sign inside the gate so nonces reach Juno in the order they were issued.
                    request.Headers.TryAddWithoutValidation("Authorization", _signer.CreateAuthorizationHeader(method.Method, uri.PathAndQuery, json));
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                    status = response.StatusCode;
                    text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
                }
                finally
                {
                    _sendGate.Release();
                }

                LogResponse(_logger, method.Method, loggedPath, (int)status);
                return Unwrap<T>(status, text);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static T Unwrap<T>(HttpStatusCode status, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        }
        catch (JsonException)
        {
            throw new JunoApiException(status, null, string.Create(CultureInfo.InvariantCulture, $"Juno answered {(int)status} with a body that is not JSON."));
        }

        using (document)
        {
            var root = document.RootElement;
            var hasEnvelope = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out _);
            if (hasEnvelope)
            {
                var envelope = root.Deserialize<JunoEnvelope<T>>(JunoJson.Options)!;
                if (envelope.Success && (int)status < 400)
                {
                    return envelope.Payload ?? throw new JunoApiException(status, null, "Juno answered success without a payload.");
                }

                var message = envelope.Error?.Message ?? string.Create(CultureInfo.InvariantCulture, $"Juno answered {(int)status}.");
                throw new JunoApiException(status == HttpStatusCode.OK ? HttpStatusCode.BadRequest : status, envelope.Error?.Code, message);
            }

            // Some endpoints (webhook registration) answer without the envelope.
            if ((int)status >= 400)
            {
                throw new JunoApiException(status, null, string.Create(CultureInfo.InvariantCulture, $"Juno answered {(int)status}."));
            }

            return root.Deserialize<T>(JunoJson.Options)!;
        }
    }

    private static ResiliencePipeline BuildPipeline(JunoOptions options, ILogger logger) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException)
                    .Handle<JunoApiException>(e => e.IsTransient),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.GetType().Name ?? "result");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private static string WithQuery(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return query.Length == 0 ? path : path + "?" + query;
    }

    private static string ToWire<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value, JunoJson.Options).Trim('"');

    private static string MaskDigits(string path) => LongDigitRun().Replace(path, m => new string('*', m.Length - 4) + m.Value[^4..]);

    [GeneratedRegex("[0-9]{10,}")]
    private static partial Regex LongDigitRun();

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Juno {Method} {Path} answered {Status}")]
    private static partial void LogResponse(ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Juno call failed ({Reason}); retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, double delayMs, string reason);
}
