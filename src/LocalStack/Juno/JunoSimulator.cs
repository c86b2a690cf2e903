using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>
/// A local Juno: the mint platform and SPEI endpoints with Juno's JSON, HMAC authentication (signature and strictly
/// increasing nonces per key) and one consistent in-memory account, plus control endpoints under <c>/_sim/</c> that
/// let tests deposit, settle or return payouts, inject faults and shape webhook delivery.
/// </summary>
/// <remarks>
/// Faults are set per path prefix (<see cref="SetFault"/> or <c>PUT /_sim/faults</c>): added latency, a share or a
/// count of 5xx answers (nothing committed), hangs until the client gives up, and "commit then drop", where the
/// request is fully handled and then the connection is cut so the client cannot tell whether it worked. Ids and fault
/// draws come from a seeded random source so runs repeat.
/// </remarks>
public sealed class JunoSimulator : IAsyncDisposable
{
    private const string ControlPrefix = "/_sim";
    private static readonly JsonSerializerOptions Json = JunoJson.Options;

    private readonly WebApplication _app;
    private readonly JunoSimulatorOptions _options;
    private readonly JunoSimulatorState _state;
    private readonly JunoFaultInjector _faults;
    private readonly JunoWebhookDispatcher _webhooks;
    private readonly IChainTransfer _chain;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Lock _nonceGate = new();
    private readonly byte[] _secret;
    private long _lastNonce;
    private int _disposed;

    private JunoSimulator(WebApplication app, JunoSimulatorOptions options)
    {
        _app = app;
        _options = options;
        _secret = Encoding.UTF8.GetBytes(options.ApiSecret);
        _chain = options.ChainTransfer ?? new RecordingChainTransfer();
        _webhooks = new JunoWebhookDispatcher();
        _faults = new JunoFaultInjector(new Random(options.Seed + 1));
        _state = new JunoSimulatorState(new Random(options.Seed), TimeProvider.System, _webhooks.Publish) { PayoutMode = options.PayoutMode };
        DefaultClabe = Clabe.Parse(_state.CreateClabe().Clabe);
        DefaultBankAccountId = _state.AddBankAccount(Clabe.Create("012", "180", "1234567890").Value, "Vendedor de Prueba SA de CV", "default").Id;
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>API key the simulator accepts.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>The AUTO_PAYMENT CLABE the account starts with.</summary>
    public Clabe DefaultClabe { get; }

    /// <summary>Id of the bank account registered at start (a BBVA CLABE) for redemptions.</summary>
    public string DefaultBankAccountId { get; }

    /// <summary>Address whose incoming tokens are reported as CRYPTO_DEPOSIT.</summary>
    public string DepositAddress => _options.DepositAddress;

    /// <summary>The chain hook used for withdrawals.</summary>
    public IChainTransfer ChainTransfer => _chain;

    /// <summary>Current MXNB balance of the account.</summary>
    public MxnbAmount MxnbBalance => _state.Balance;

    /// <summary>Every transaction in creation order.</summary>
    public IReadOnlyList<JunoTransaction> Transactions => _state.Transactions;

    /// <summary>How redemptions' SPEI payouts end.</summary>
    public JunoPayoutMode PayoutMode
    {
        get => _state.PayoutMode;
        set => _state.PayoutMode = value;
    }

    /// <summary>How webhooks are delivered.</summary>
    public JunoWebhookDelivery WebhookDelivery
    {
        get => _webhooks.Delivery;
        set => _webhooks.Delivery = value;
    }

    /// <summary>Webhook POSTs answered 2xx so far.</summary>
    public int WebhooksDelivered => _webhooks.Delivered;

    /// <summary>Starts a simulator on 127.0.0.1 and a free port.</summary>
    public static async Task<JunoSimulator> StartAsync(JunoSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JunoSimulatorOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();

        var simulator = new JunoSimulator(app, options);
        simulator.MapRoutes();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        simulator.BaseAddress = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return simulator;
    }

    /// <summary>Client options pointing at this simulator with its credentials.</summary>
    public JunoOptions CreateClientOptions() => new()
    {
        BaseAddress = BaseAddress,
        ApiKey = _options.ApiKey,
        ApiSecret = _options.ApiSecret,
    };

    /// <summary>An incoming SPEI transfer to one of the account's CLABEs (issues MXNB; fails under 100 MXN).</summary>
    public JunoTransaction SimulateSpeiDeposit(Clabe receiver, Mxn amount, string senderName = "Comprador de Prueba") =>
        _state.SpeiDeposit(receiver.Value, amount.Amount, senderName, null);

    /// <summary>MXNB that arrived on chain at <see cref="DepositAddress"/>, reported as CRYPTO_DEPOSIT.</summary>
    public JunoTransaction SimulateCryptoDeposit(MxnbAmount amount, string fromAddress, string? txHash = null) =>
        _state.CryptoDeposit(amount.ToTokens(), fromAddress, txHash);

    /// <summary>Settles a redemption's payout left pending by <see cref="JunoPayoutMode.Manual"/>.</summary>
    public JunoTransaction SettlePayout(string transactionId) => _state.SettlePayout(transactionId);

    /// <summary>Has the receiving bank return a pending payout; the MXNB is credited back.</summary>
    public JunoTransaction ReturnPayout(string transactionId) => _state.ReturnPayout(transactionId);

    /// <summary>Registers a payout destination.</summary>
    public JunoBankAccount RegisterBankAccount(Clabe clabe, string legalName, string? tag = null) =>
        _state.AddBankAccount(clabe.Value, legalName, tag);

    /// <summary>Registers a webhook callback without going through the API (same effect as <c>POST /v4/webhooks</c>).</summary>
    public void RegisterWebhook(Uri callbackUrl)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        _webhooks.Register(callbackUrl);
    }

    /// <summary>Injects faults on requests whose path starts with <paramref name="pathPrefix"/> (e.g. <c>/mint_platform/v1/redemptions</c>).</summary>
    public void SetFault(string pathPrefix, JunoFault fault) => _faults.Set(pathPrefix, fault);

    /// <summary>Removes all faults.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Requests that reached the API (authenticated) on paths starting with the prefix, faulted or not.</summary>
    public int AttemptsOn(string pathPrefix) =>
        _attempts.Where(p => p.Key.StartsWith(pathPrefix, StringComparison.Ordinal)).Sum(p => p.Value);

    /// <summary>Sends webhooks held by <see cref="JunoWebhookDelivery.Hold"/>, in order or reversed.</summary>
    public Task FlushWebhooksAsync(bool reverse = false, CancellationToken cancellationToken = default) =>
        _webhooks.FlushAsync(reverse, cancellationToken);

    /// <summary>Waits for webhook deliveries already under way.</summary>
    public Task DrainWebhooksAsync() => _webhooks.DrainAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _webhooks.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"JunoSimulator({BaseAddress})";

    private void MapRoutes()
    {
        _app.Use(HandleErrorsAsync);
        _app.Use(AuthenticateAsync);
        _app.Use(InjectFaultsAsync);

        Api("GET", "/mint_platform/v1/transactions", c => Ok(c, JunoTransactionListPage.From(_state.List(ReadQuery(c.Request.Query)))));
        Api("GET", "/mint_platform/v1/transactions/{id}", c => Ok(c, _state.Get(Route(c, "id"))));
        Api("POST", "/mint_platform/v1/clabes", c => Ok(c, _state.CreateClabe()));
        Api("GET", "/spei/v1/clabes", c => Ok(c, ReadClabeList(c)));
        Api("GET", "/spei/v1/clabes/{clabe}", c => Ok(c, _state.GetClabe(Route(c, "clabe"))));
        Api("GET", "/spei/v1/deposits", c => Ok(c, _state.ListDeposits(ReadDepositQuery(c.Request.Query))));
        Api("POST", "/spei/test/deposits", c =>
        {
            var request = Body<JunoTestDepositRequest>(c);
            return Ok(c, _state.SpeiDeposit(request.ReceiverClabe, ParseAmount(request.Amount), request.SenderName, null));
        });
        Api("POST", "/mint_platform/v1/withdrawals", WithdrawAsync);
        Api("POST", "/mint_platform/v1/redemptions", c => Ok(c, _state.Redeem(Body<JunoRedemptionRequest>(c), IdempotencyKey(c))));
        Api("POST", "/mint_platform/v1/issuance", c => Ok(c, _state.Issue(Body<JunoIssuanceRequest>(c), IdempotencyKey(c))));
        Api("GET", "/mint_platform/v1/accounts/banks", c => Ok(c, _state.BankAccounts));
        Api("GET", "/mint_platform/v1/balances", c => Ok(c, new JunoBalances
        {
            Balances = [new JunoBalance { Asset = "mxnb", Balance = _state.Balance.ToTokens() }],
        }));
        Api("POST", "/v4/webhooks", RegisterWebhookAsync);
        Api("POST", "/mint_platform/v1/webhooks", RegisterWebhookAsync);

        Api("POST", ControlPrefix + "/spei/deposits", c =>
        {
            var request = Body<JunoTestDepositRequest>(c);
            return Ok(c, _state.SpeiDeposit(request.ReceiverClabe, ParseAmount(request.Amount), request.SenderName, null));
        });
        Api("POST", ControlPrefix + "/crypto/deposits", c =>
        {
            var request = Body<CryptoDepositControl>(c);
            return Ok(c, _state.CryptoDeposit(ParseAmount(request.Amount), request.FromAddress, request.TxHash));
        });
        Api("POST", ControlPrefix + "/bank-accounts", c =>
        {
            var request = Body<BankAccountControl>(c);
            return Ok(c, _state.AddBankAccount(request.Clabe, request.RecipientLegalName, request.Tag));
        });
        Api("POST", ControlPrefix + "/payouts/{id}/settle", c => Ok(c, _state.SettlePayout(Route(c, "id"))));
        Api("POST", ControlPrefix + "/payouts/{id}/return", c => Ok(c, _state.ReturnPayout(Route(c, "id"))));
        Api("PUT", ControlPrefix + "/payouts/mode", c =>
        {
            _state.PayoutMode = Body<PayoutModeControl>(c).Mode;
            return Ok(c, new PayoutModeControl(_state.PayoutMode));
        });
        Api("PUT", ControlPrefix + "/faults", c =>
        {
            var request = Body<FaultControl>(c);
            _faults.Set(request.Path, request.Fault);
            return Ok(c, request);
        });
        Api("DELETE", ControlPrefix + "/faults", c =>
        {
            _faults.Clear();
            return Ok(c, new { cleared = true });
        });
        Api("PUT", ControlPrefix + "/webhooks/delivery", c =>
        {
            _webhooks.Delivery = Body<JunoWebhookDelivery>(c);
            return Ok(c, _webhooks.Delivery);
        });
        Api("POST", ControlPrefix + "/webhooks/flush", async c =>
        {
            await _webhooks.FlushAsync(c.Request.Query["reverse"] == "true", c.RequestAborted).ConfigureAwait(false);
            await Ok(c, new { flushed = true }).ConfigureAwait(false);
        });
        Api("GET", ControlPrefix + "/state", c => Ok(c, new
        {
            mxnb_balance = _state.Balance.ToString(),
            transactions = _state.Transactions.Count,
            webhooks_delivered = _webhooks.Delivered,
        }));
    }

    private void Api(string method, string pattern, RequestDelegate handler) =>
        _app.MapMethods(pattern, [method], handler);

    private async Task WithdrawAsync(HttpContext context)
    {
        var (transaction, created) = _state.BeginWithdrawal(Body<JunoWithdrawalRequest>(context), IdempotencyKey(context));
        if (created)
        {
            try
            {
                var hash = await _chain.TransferAsync(transaction.Details!.Address!, MxnbAmount.FromTokens(transaction.Amount), CancellationToken.None).ConfigureAwait(false);
                transaction = _state.CompleteWithdrawal(transaction.Id, hash);
            }
#pragma warning disable CA1031 // Any chain failure fails the withdrawal and refunds it, as Juno would.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                transaction = _state.FailWithdrawal(transaction.Id, "Chain transfer failed: " + ex.Message);
            }
        }

        await Ok(context, transaction).ConfigureAwait(false);
    }

    private async Task RegisterWebhookAsync(HttpContext context)
    {
        var request = Body<WebhookRegistrationRequest>(context);
        if (!Uri.TryCreate(request.CallbackUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new JunoSimulatorException(400, "invalid_callback_url", "callback_url must be an absolute http(s) URL.");
        }

        if (request.Events is not ["TRANSACTION"])
        {
            throw new JunoSimulatorException(400, "invalid_events", "The only accepted event is TRANSACTION.");
        }

        var registration = _webhooks.Register(url);
        await WriteJsonAsync(context, 200, new JunoWebhookRegistrationResult { Message = "Webhook successfully created", Webhooks = [registration] }).ConfigureAwait(false);
    }

    private static async Task HandleErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (JunoSimulatorException ex)
        {
            await WriteErrorAsync(context, ex.Status, ex.Code, ex.Message).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            var field = InvalidField(ex);
            await WriteErrorAsync(context, 400, "invalid_request", $"Invalid request body: '{field}' is missing or has the wrong type.").ConfigureAwait(false);
        }
    }

    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            context.Items[typeof(string)] = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (context.Request.Path.StartsWithSegments(ControlPrefix, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        string? header = context.Request.Headers.Authorization;
        if (!JunoRequestSigner.TryParseAuthorizationHeader(header, out var key, out var nonce, out var signature))
        {
            throw new JunoSimulatorException(401, "missing_authorization", "Authorization header must be 'Bitso <key>:<nonce>:<signature>'.");
        }

        if (!string.Equals(key, _options.ApiKey, StringComparison.Ordinal))
        {
            throw new JunoSimulatorException(401, "invalid_api_key", "Unknown API key.");
        }

        // Verify over the request target exactly as sent (path and raw query), not a decoded form.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var expected = JunoRequestSigner.ComputeSignature(_options.ApiSecret, nonce, context.Request.Method, target, (string)context.Items[typeof(string)]!);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw new JunoSimulatorException(401, "invalid_signature", "The signature does not match the request.");
        }

        lock (_nonceGate)
        {
            if (nonce <= _lastNonce)
            {
                throw new JunoSimulatorException(401, "invalid_nonce", "The nonce must be greater than the previous one.");
            }

            _lastNonce = nonce;
        }

        _attempts.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
        await next(context).ConfigureAwait(false);
    }

    private async Task InjectFaultsAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(ControlPrefix, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var decision = _faults.Decide(context.Request.Path.Value ?? "/");
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            if (decision.LatencyMs > 0)
            {
                await Task.Delay(decision.LatencyMs, linked.Token).ConfigureAwait(false);
            }

            if (decision.Hang)
            {
                // Hold the request until the client gives up (or the simulator stops).
                await Task.Delay(TimeSpan.FromSeconds(60), linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        if (decision.ErrorStatus is { } status)
        {
            await WriteErrorAsync(context, status, status.ToString(CultureInfo.InvariantCulture), "Injected failure.").ConfigureAwait(false);
            return;
        }

        if (!decision.Drop)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Commit, then cut the connection before any byte of the answer leaves.
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        context.Abort();
    }

    private static Task Ok<T>(HttpContext context, T payload) =>
        WriteJsonAsync(context, 200, new JunoEnvelope<T> { Success = true, Payload = payload });

    /// <summary>The field a body error is about: the reader's JSON path, or the first missing required member.</summary>
    private static string InvalidField(JsonException ex)
    {
        const string Missing = "missing required properties including: ";
        var at = ex.Message.IndexOf(Missing, StringComparison.Ordinal);
        if (at >= 0 && ex.Message.IndexOf('\'', at) is var open and >= 0 && ex.Message.IndexOf('\'', open + 1) is var close and > 0)
        {
            return ex.Message[(open + 1)..close];
        }

        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        return path.Length == 0 ? "body" : path;
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, new JunoEnvelope<object> { Success = false, Error = new JunoError { Code = code, Message = message } });

    private static async Task WriteJsonAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(value, Json), context.RequestAborted).ConfigureAwait(false);
    }

    private static T Body<T>(HttpContext context)
    {
        var text = (string)context.Items[typeof(string)]!;
        return JsonSerializer.Deserialize<T>(text.Length == 0 ? "null" : text, Json)
            ?? throw new JunoSimulatorException(400, "invalid_request", "A JSON body is required.");
    }

    private static string? IdempotencyKey(HttpContext context)
    {
        string? key = context.Request.Headers["X-Idempotency-Key"];
        return string.IsNullOrWhiteSpace(key) ? null : key;
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    private static int Int(HttpContext context, string name, int fallback)
    {
        string? value = context.Request.Query[name];
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new JunoSimulatorException(400, "invalid_query", name + " must be a positive integer.");
    }

    private static decimal ParseAmount(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new JunoSimulatorException(400, "invalid_amount", "The amount must be a positive decimal string.");

    /// <summary>A date filter of the Mass Payments lists, <c>YYYY-MM-DD</c>.</summary>
    private static DateOnly? Day(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>GET /spei/v1/clabes</c>: every CLABE here is <c>AUTO_PAYMENT</c>, so <c>clabe_type</c> filters nothing.</summary>
    private JunoPage<JunoClabe> ReadClabeList(HttpContext context)
    {
        var query = context.Request.Query;
        DateOnly? start, end;
        try
        {
            (start, end) = (Day(query["start_date"]), Day(query["end_date"]));
        }
        catch (FormatException)
        {
            throw new JunoSimulatorException(400, "invalid_query", "start_date and end_date must be YYYY-MM-DD.");
        }

        return _state.ListClabes(start, end, Int(context, "page", 1), Int(context, "page_size", 25));
    }

    private static JunoDepositQuery ReadDepositQuery(IQueryCollection query)
    {
        try
        {
            return new JunoDepositQuery
            {
                ReceiverClabe = query["receiver_clabe"],
                SenderClabe = query["sender_clabe"],
                DepositStatus = query["deposit_status"],
                StartDate = Day(query["start_date"]),
                EndDate = Day(query["end_date"]),
                Page = query.TryGetValue("page", out var page) ? int.Parse(page!, CultureInfo.InvariantCulture) : 1,
                PageSize = query.TryGetValue("page_size", out var size) ? int.Parse(size!, CultureInfo.InvariantCulture) : 25,
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new JunoSimulatorException(400, "invalid_query", "A deposit filter is malformed.");
        }
    }

    private static JunoTransactionQuery ReadQuery(IQueryCollection query)
    {
        static T? Enum<T>(string? value)
            where T : struct =>
            value is null ? null : JsonSerializer.Deserialize<T>("\"" + value + "\"", Json);

        static decimal? Dec(string? value) =>
            value is null ? null : decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

        static DateTimeOffset? Date(string? value) =>
            value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        try
        {
            return new JunoTransactionQuery
            {
                Type = Enum<JunoTransactionType>(query["type"]),
                Status = Enum<JunoTransactionStatus>(query["status"]),
                AmountFrom = Dec(query["amountFrom"]),
                AmountTo = Dec(query["amountTo"]),
                IsoDateFrom = Date(query["isoDateFrom"]),
                IsoDateTo = Date(query["isoDateTo"]),
                OldestFirst = (string?)query["sort"] switch
                {
                    null or "createdAt,DESC" => false,
                    "createdAt,ASC" => true,
                    _ => throw new FormatException("sort is createdAt,ASC or createdAt,DESC."),
                },
                Page = query.TryGetValue("page", out var page) ? int.Parse(page!, CultureInfo.InvariantCulture) : 1,
                Size = query.TryGetValue("size", out var size) ? int.Parse(size!, CultureInfo.InvariantCulture) : 25,
            };
        }
        catch (Exception ex) when (ex is FormatException or JsonException or OverflowException)
        {
            throw new JunoSimulatorException(400, "invalid_query", "A transaction filter is malformed.");
        }
    }

    private sealed record CryptoDepositControl([property: JsonConverter(typeof(JunoAmountTextConverter))] string Amount, string FromAddress, string? TxHash);

    private sealed record BankAccountControl(string Clabe, string RecipientLegalName, string? Tag);

    private sealed record PayoutModeControl(JunoPayoutMode Mode);

    private sealed record FaultControl(string Path, JunoFault Fault);

    private sealed record WebhookRegistrationRequest(string CallbackUrl, IReadOnlyList<string> Events);
}
