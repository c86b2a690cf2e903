using Microsoft.Extensions.Options;
using PaymentFunctions.App.Management;
using PaymentFunctions.App.Security;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Payments.Timeline;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>
/// The payment HTTP API's handlers. Registered only when payments are enabled; the endpoints resolve it per
/// request, so a host without payments still maps the routes and answers 503.
/// </summary>
internal sealed partial class PaymentApi(
    PaymentStore store,
    IJunoClient juno,
    PaymentOrchestrations orchestrations,
    IOptions<PaymentsOptions> options,
    IOptions<FunctionKeyOptions> keys,
    TimeProvider time,
    ILogger<PaymentApi> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ActorHeader = "x-actor";
    internal const int MaxHeaderValueLength = 200;
    private const int MaxReasonLength = 500;
    private const int DefaultListLimit = 50;
    private const int MaxListLimit = 1000;

    /// <summary><c>POST /api/payments</c>: validate, check the idempotency key, get a deposit CLABE, insert, start the lifecycle.</summary>
    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var (request, problem) = await JsonRequest.ReadAsync<CreatePaymentRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        var now = time.GetUtcNow();
        var errors = PaymentRequestValidator.Validate(request!, now, options.Value.MaxAmountMxn);
        var idempotencyKey = context.Request.Headers[IdempotencyKeyHeader].FirstOrDefault()?.Trim();
        if (idempotencyKey is { Length: 0 or > MaxHeaderValueLength })
        {
            errors[IdempotencyKeyHeader] = [$"The idempotency key must be 1 to {MaxHeaderValueLength} characters."];
        }

        string? sellerAccountId = null;
        if (!errors.ContainsKey("seller.clabe") || !errors.ContainsKey("buyer.refundClabe"))
        {
            IReadOnlyList<JunoBankAccount> accounts;
            try
            {
                accounts = await juno.ListBankAccountsAsync(ct);
            }
            catch (Exception ex) when (IsJunoOutage(ex, ct))
            {
                return JunoUnavailable(ex);
            }

            sellerAccountId = accounts.FirstOrDefault(a => a.Clabe == request!.Seller!.Clabe)?.Id;
            if (sellerAccountId is null && !errors.ContainsKey("seller.clabe"))
            {
                errors["seller.clabe"] = ["The seller's CLABE is not registered at Juno as a bank account."];
            }

            // The refund is paid by SPEI to a registered account: checked now, so no refund can wait for one.
            if (!errors.ContainsKey("buyer.refundClabe") && !accounts.Any(a => a.Clabe == request!.Buyer!.RefundClabe))
            {
                errors["buyer.refundClabe"] = ["The buyer's refund CLABE is not registered at Juno as a bank account."];
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: PaymentProblems.InvalidBodyTitle);
        }

        if (idempotencyKey is not null && await store.FindByIdempotencyKeyAsync(idempotencyKey, ct) is { } earlier)
        {
            // A retry is judged as of the first request: one that arrives after the custody end it asked for still
            // asked for custody, and is the same request.
            return await this.ReplayAsync(context, earlier, this.Terms(request!, sellerAccountId!, earlier.CreatedAt), request!.CustodyEnd > earlier.CreatedAt);
        }

        var terms = this.Terms(request!, sellerAccountId!, now);
        var hasCustody = request!.CustodyEnd > now;

        JunoClabe depositClabe;
        try
        {
            depositClabe = await juno.CreateClabeAsync(ct);
        }
        catch (Exception ex) when (IsJunoOutage(ex, ct))
        {
            return JunoUnavailable(ex);
        }

        PaymentCreation creation;
        try
        {
            creation = await store.CreateAsync(terms with { DepositClabe = depositClabe.Clabe }, idempotencyKey, ct);
        }
        catch (IdempotencyKeyReusedException)
        {
            // A concurrent request with the same key inserted first (with its own deposit CLABE): judge against it.
            var winner = await store.FindByIdempotencyKeyAsync(idempotencyKey!, ct) ?? throw new InvalidOperationException("The idempotent payment vanished.");
            return await this.ReplayAsync(context, winner, terms, hasCustody);
        }

        // Inserted: start it even if the caller goes away now, or the payment would wait for a retry to begin.
        var payment = creation.Payment;
        var instanceId = await orchestrations.EnsureStartedAsync(payment, options.Value.Lifecycle, CancellationToken.None);
        LogCreated(logger, payment.Id, payment.AmountMxn, payment.RequiredApprovals);
        var body = await this.CreatedBodyAsync(context, payment, instanceId);
        return creation.Created ? Results.Created($"/api/payments/{payment.Id}", body) : Results.Ok(body);
    }

    /// <summary><c>GET /api/payments/{id}</c>: the full view, timeline in the <c>Accept-Language</c>'s language.</summary>
    public async Task<IResult> GetAsync(HttpContext context, string id)
    {
        var payment = await store.FindAsync(id, context.RequestAborted);
        return payment is null ? PaymentProblems.NotFound(id) : Results.Ok(await this.ViewAsync(context, payment));
    }

    /// <summary><c>GET /api/payments?status=&amp;limit=</c>: the newest payments, without timelines.</summary>
    public async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        PaymentStatus? status = null;
        if (query["status"].FirstOrDefault() is { Length: > 0 } statusText)
        {
            if (!Enum.TryParse<PaymentStatus>(statusText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return PaymentProblems.Invalid("status", $"Unknown status; use one of {string.Join(", ", Enum.GetNames<PaymentStatus>())}.");
            }

            status = parsed;
        }

        var limit = DefaultListLimit;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxListLimit))
        {
            return PaymentProblems.Invalid("limit", $"The limit must be a whole number from 1 to {MaxListLimit}.");
        }

        var payments = await store.ListAsync(status, limit, context.RequestAborted);
        var views = new List<PaymentView>(payments.Count);
        foreach (var payment in payments)
        {
            views.Add(PaymentViews.From(payment, language: null, await orchestrations.GetAsync(payment.Id, context.RequestAborted)));
        }

        return Results.Ok(views);
    }

    /// <summary><c>POST /api/payments/{id}/approve</c>: records the approver named by <c>x-approver-key</c> and tells the orchestration.</summary>
    public async Task<IResult> ApproveAsync(HttpContext context, string id)
    {
        // An approval carries nothing but its key; a body is a mistake worth telling, not something to ignore.
        var (body, problem) = await RequestBody.ReadTextAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        if (!string.IsNullOrWhiteSpace(body))
        {
            return PaymentProblems.Invalid("body", "An approval takes no body; the approver is named by the 'x-approver-key' header.");
        }

        var presented = context.Request.Headers[ApproverKeys.HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "An approver key is required.",
                detail: $"Send the approver's key in the '{ApproverKeys.HeaderName}' header.");
        }

        if (ApproverKeys.Identify(options.Value.Approvers, presented) is not { } approver)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Unknown approver key.", detail: "The approver key matches no configured approver.");
        }

        var result = await store.ApproveAsync(id, approver, context.RequestAborted);
        switch (result.Outcome)
        {
            case ApprovalOutcome.NotFound:
                return PaymentProblems.NotFound(id);
            case ApprovalOutcome.AlreadyApprovedByThisApprover:
                return PaymentProblems.Conflict("Already approved.", $"{approver} already approved payment '{id}'; a second approval must come from someone else.");
            case ApprovalOutcome.NotApprovable:
                return PaymentProblems.Conflict("The payment is finished.", $"Payment '{id}' is finished; approvals no longer apply.");
        }

        LogApproved(logger, id, approver, result.Count, result.Required);
        await orchestrations.RaiseAsync(id, PaymentEvents.Approved, new OperatorAction(approver), context.RequestAborted);
        return Results.Ok(new ApprovalResponse(result.Count, result.Required));
    }

    /// <summary>An operator action: checks the status allows it, raises its event and answers 202 with the view.</summary>
    public async Task<IResult> ActAsync(HttpContext context, string id, PaymentAction action)
    {
        var (request, problem) = await JsonRequest.ReadAsync(context, whenEmpty: new OperatorActionRequest());
        if (problem is not null)
        {
            return problem;
        }

        var actor = context.Request.Headers[ActorHeader].FirstOrDefault()?.Trim() is { Length: > 0 } named ? named : "operator";
        if (actor.Length > MaxHeaderValueLength)
        {
            return PaymentProblems.Invalid(ActorHeader, $"The actor must be at most {MaxHeaderValueLength} characters.");
        }

        if (request!.Reason is { } reason && (reason.Length > MaxReasonLength || !PaymentRequestValidator.IsPrintable(reason)))
        {
            return PaymentProblems.Invalid("reason", $"The reason must be at most {MaxReasonLength} printable characters.");
        }

        if (request.Outcome is not null && action != PaymentAction.Resolve)
        {
            return PaymentProblems.Invalid("outcome", "Only resolve takes an outcome.");
        }

        object payload = new OperatorAction(actor, request.Reason);
        if (action == PaymentAction.Resolve)
        {
            DisputeOutcome? outcome = request.Outcome switch
            {
                "seller" => DisputeOutcome.Seller,
                "buyer" => DisputeOutcome.Buyer,
                _ => null,
            };
            if (outcome is null)
            {
                return PaymentProblems.Invalid("outcome", "The outcome must be 'seller' (release) or 'buyer' (refund).");
            }

            payload = new DisputeResolution(outcome.Value, actor, request.Reason);
        }

        var payment = await store.FindAsync(id, context.RequestAborted);
        if (payment is null)
        {
            return PaymentProblems.NotFound(id);
        }

        if (!action.AllowedIn.Contains(payment.Status))
        {
            return PaymentProblems.Conflict(
                $"Cannot {action.Route} a payment that is {payment.Status}.",
                $"Payment '{id}' is {payment.Status}; {action.Route} is allowed only when it is {string.Join(" or ", action.AllowedIn)}.");
        }

        if (!await orchestrations.RaiseAsync(id, action.EventName, payload, context.RequestAborted))
        {
            return PaymentProblems.Conflict("The payment has no orchestration.", $"Payment '{id}' has no lifecycle instance to {action.Route}.");
        }

        LogActed(logger, action.Route, id, actor);
        return Results.Accepted($"/api/payments/{id}", await this.ViewAsync(context, payment));
    }

    private static bool IsJunoOutage(Exception ex, CancellationToken ct) =>
        ex is JunoApiException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    private IResult JunoUnavailable(Exception ex)
    {
        LogJunoUnavailable(logger, ex.GetType().Name);
        return PaymentProblems.Unavailable("Juno is unavailable.", "Juno did not answer as expected, so nothing was created; retry with the same Idempotency-Key.");
    }

    /// <summary>The payment's creation terms; a custody end absent or already past means no custody (it ends now).</summary>
    private NewPayment Terms(CreatePaymentRequest request, string sellerAccountId, DateTimeOffset now)
    {
        var custodyEnd = request.CustodyEnd > now ? request.CustodyEnd.Value : now;
        var amount = request.Amount!.Value;
        return new NewPayment(
            amount,
            request.Buyer!.Name!.Trim(),
            request.Buyer.RefundClabe,
            request.Seller!.Name!.Trim(),
            request.Seller.Clabe!,
            sellerAccountId,
            DepositClabe: "",
            custodyEnd,
            request.Deadline!.Value,
            amount > options.Value.DoubleApprovalThresholdMxn ? 2 : 0);
    }

    /// <summary>A repeated idempotency key: 200 with the original when the request is the same, else 422.</summary>
    private async Task<IResult> ReplayAsync(HttpContext context, Payment earlier, NewPayment terms, bool hasCustody)
    {
        if (!IdempotentRequest.Matches(earlier, terms, hasCustody))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The idempotency key was used for a different request.",
                detail: $"The key created payment '{earlier.Id}' with other terms; use a new key for a new payment.");
        }

        // Starting again heals a crash between the insert and the start; an existing instance is left alone.
        var instanceId = await orchestrations.EnsureStartedAsync(earlier, options.Value.Lifecycle, context.RequestAborted);
        return Results.Ok(await this.CreatedBodyAsync(context, earlier, instanceId));
    }

    private async Task<CreatedPaymentResponse> CreatedBodyAsync(HttpContext context, Payment payment, string instanceId) =>
        new(await this.ViewAsync(context, payment), CheckStatusResponse.Create(context.Request, instanceId, keys.Value.DurableTask));

    private async Task<PaymentView> ViewAsync(HttpContext context, Payment payment)
    {
        var language = TimelineLanguage.FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString());
        context.Response.Headers.ContentLanguage = language;
        return PaymentViews.From(payment, language, await orchestrations.GetAsync(payment.Id, context.RequestAborted));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created payment {PaymentId} for {AmountMxn} MXN ({RequiredApprovals} approvals required)")]
    private static partial void LogCreated(ILogger logger, string paymentId, decimal amountMxn, int requiredApprovals);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment creation refused: Juno failed ({Error})")]
    private static partial void LogJunoUnavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Approver} approved payment {PaymentId} ({Count} of {Required})")]
    private static partial void LogApproved(ILogger logger, string paymentId, string approver, int count, int required);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} requested on payment {PaymentId} by {Actor}")]
    private static partial void LogActed(ILogger logger, string action, string paymentId, string actor);
}
