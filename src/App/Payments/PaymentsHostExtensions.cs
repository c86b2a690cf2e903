using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.App.Payments.Automation;
using PaymentFunctions.App.Payments.Ledger;
using PaymentFunctions.App.Security;
using PaymentFunctions.App.Triggers.Timer;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Webhooks;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.Payments.Chain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments;

/// <summary>Puts the escrow payments into the host: services, the schema migration, the timers and the HTTP API.</summary>
public static class PaymentsHostExtensions
{
    /// <summary>
    /// Registers payments when <c>Chain:RpcUrl</c> is set: the payment store on <c>ConnectionStrings:Payments</c>
    /// (else the durable store's database), the chain, the Juno client and webhook receiver, the schema migration
    /// (before any other hosted service) and the four automation timers. Without it nothing is registered and the
    /// endpoints answer 503. The lifecycle's orchestrator and activities are registered with the engine by
    /// <c>AddDurableTaskHostAsync(tasks =&gt; tasks.AddPaymentLifecycle())</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var enabled = !string.IsNullOrWhiteSpace(configuration[$"{PaymentChainOptions.SectionName}:{nameof(PaymentChainOptions.RpcUrl)}"]);
        services.AddSingleton(new PaymentsFeature(enabled));
        var section = configuration.GetSection(PaymentsOptions.SectionName);
        services.Configure<PaymentsOptions>(section);

        // Numbers are JSON numbers: the payment bodies are read strictly, and the OpenAPI document says so.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonRequest.Options.NumberHandling);
        if (!enabled)
        {
            return builder;
        }

        var connectionString = ResolveConnectionString(configuration);
        services.AddPaymentsDatabase(connectionString);
        services.AddPaymentChain(configuration.GetSection(PaymentChainOptions.SectionName), connectionString);
        services.AddJunoClient();
        services.Configure<JunoOptions>(configuration.GetSection(JunoOptions.SectionName));
        services.AddJunoWebhookReceiver(receiver => receiver.SharedSecret = section[nameof(PaymentsOptions.JunoWebhookSecret)] ?? "");

        // Hosted services start in order; the schema must exist before the durable worker and the timers run.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, PaymentsStartup>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PaymentOrchestrations>();
        services.AddSingleton<PaymentApi>();
        services.AddSingleton<DepositMatcher>();
        services.AddSingleton<IPaymentProcess, DepositDetection>();
        services.AddSingleton<IPaymentProcess, CustodyReport>();
        services.AddSingleton<IPaymentProcess, ChainSync>();
        services.AddSingleton<IPaymentProcess, StuckDetection>();
        services.AddSingleton<PaymentAutomation>();

        var defaults = new PaymentsOptions();
        AddProcessTimer(services, section, PaymentProcesses.Deposits, nameof(PaymentsOptions.DepositDetectionSchedule), defaults.DepositDetectionSchedule);
        AddProcessTimer(services, section, PaymentProcesses.Custody, nameof(PaymentsOptions.CustodyReportSchedule), defaults.CustodyReportSchedule);
        AddProcessTimer(services, section, PaymentProcesses.Sync, nameof(PaymentsOptions.ChainSyncSchedule), defaults.ChainSyncSchedule);
        AddProcessTimer(services, section, PaymentProcesses.Stuck, nameof(PaymentsOptions.StuckDetectionSchedule), defaults.StuckDetectionSchedule);
        return builder;
    }

    /// <summary>
    /// Maps the payment API (<c>/api/payments</c>), the automation endpoints (<c>/api/automation</c>) and the Juno
    /// webhook (<c>/api/webhooks/juno</c>), all at function-key level.
    /// </summary>
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api")
            .RequireFunctionKey()
            .AddEndpointFilter(async (context, next) => IsEnabled(context.HttpContext) ? await next(context) : PaymentProblems.Disabled());

        var payments = api.MapGroup("/payments").WithTags("Payments").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        payments.MapPost("", Handler(context => Api(context).CreateAsync(context)))
            .WithName("CreatePayment")
            .WithDescription(
                "Creates an escrow payment. Amounts are JSON numbers in MXN (at least 100, at most Payments:MaxAmountMxn, default 1,000,000, two decimals); " +
                "a number given as a string such as \"250.00\" is refused with 400, as are repeated keys and unknown fields, on every payment route alike. " +
                "Bodies over Payments:MaxRequestBodyBytes (default 64 KB) answer 413.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Accepts<CreatePaymentRequest>("application/json")
            .Produces<CreatedPaymentResponse>(StatusCodes.Status201Created)
            .Produces<CreatedPaymentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        payments.MapGet("", Handler(context => Api(context).ListAsync(context)))
            .WithName("ListPayments")
            .Produces<List<PaymentView>>()
            .ProducesValidationProblem();
        payments.MapGet("/{id}", (HttpContext context, string id) => Api(context).GetAsync(context, id))
            .WithName("GetPayment")
            .Produces<PaymentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapGet("/{id}/ledger", LedgerEndpoint.GetAsync)
            .WithName("GetPaymentLedger")
            .Produces<List<LedgerTransactionView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapPost("/{id}/approve", (HttpContext context, string id) => Api(context).ApproveAsync(context, id))
            .WithName("ApprovePayment")
            .Produces<ApprovalResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        foreach (var action in PaymentAction.All)
        {
            payments.MapPost($"/{{id}}/{action.Route}", (HttpContext context, string id) => Api(context).ActAsync(context, id, action))
                .Accepts<OperatorActionRequest>("application/json")
                .Produces<PaymentView>(StatusCodes.Status202Accepted)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
        }

        var automation = api.MapGroup("/automation").WithTags("Payment automation").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        automation.MapGet("/status", Handler(AutomationEndpoints.StatusAsync))
            .WithName("PaymentAutomationStatus")
            .Produces<List<AutomationStatus>>();
        automation.MapPost("/trigger", Handler(AutomationEndpoints.TriggerAsync))
            .WithName("TriggerPaymentProcess")
            .Accepts<AutomationTriggerRequest>("application/json")
            .Produces<AutomationRun>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/webhooks/juno", Handler(AutomationEndpoints.JunoWebhookAsync))
            .WithTags("Webhooks")
            .WithName("JunoWebhook")
            .Produces<JunoWebhookResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    /// <summary>Whether this host runs payments; the Functions host asks it too before calling a handler.</summary>
    internal static bool IsEnabled(HttpContext context) => context.RequestServices.GetRequiredService<PaymentsFeature>().Enabled;

    internal static PaymentApi Api(HttpContext context) => context.RequestServices.GetRequiredService<PaymentApi>();

    // As a Delegate the handler's IResult is written to the response; as a RequestDelegate it would be dropped.
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    private static void AddProcessTimer(IServiceCollection services, IConfiguration section, string process, string setting, string defaultSchedule)
    {
        var schedule = section[setting] is { Length: > 0 } configured ? configured : defaultSchedule;
        services.AddTimerTrigger(
            PaymentProcesses.TimerName(process),
            schedule,
            (context, cancellationToken) => context.Services.GetRequiredService<PaymentAutomation>().RunAsync(process, "timer", cancellationToken));
    }

    /// <summary><c>ConnectionStrings:Payments</c>, else the connection the durable store is configured with.</summary>
    internal static string ResolveConnectionString(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Payments") is { Length: > 0 } payments)
        {
            return payments;
        }

        var provider = configuration.GetSection(DurableTaskExtensionOptions.SectionPath).Get<DurableTaskExtensionOptions>()?.StorageProvider ?? new();
        var name = string.Equals(provider.Type, StorageProviderOptions.Postgres, StringComparison.OrdinalIgnoreCase)
            ? provider.EffectiveConnectionStringName
            : "DurableStoreConnection";
        return configuration[name] is { Length: > 0 } value ? value
            : configuration.GetConnectionString(name) is { Length: > 0 } named ? named
            : throw new InvalidOperationException(
                $"Payments need a database: set ConnectionStrings:Payments or the durable store's '{name}' connection string.");
    }
}
