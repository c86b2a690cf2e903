using PaymentFunctions.App.Payments;
using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.App.Security;
using PaymentFunctions.Rules;
using PaymentFunctions.Rules.Audit;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.App.Rules;

/// <summary>Puts the payment rules into the host: services, the schema migration and the HTTP API.</summary>
public static class RulesHostExtensions
{
    /// <summary>
    /// Registers the rules beside the payments they stand on (only when payments are enabled): the rules database
    /// on the payments' connection, <c>Rules</c> and <c>Rules:Safety</c> settings, and the schema migration before the
    /// durable worker starts. The orchestrators and activities are registered by <c>tasks.AddRules()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPaymentRules(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(RulesOptions.SectionName);
        builder.Services.Configure<RulesOptions>(section);
        builder.Services.Configure<SafetyLimits>(section.GetSection("Safety"));
        if (!builder.Services.Any(d => d.ServiceType == typeof(PaymentsFeature) && d.ImplementationInstance is PaymentsFeature { Enabled: true }))
        {
            return builder;
        }

        builder.Services.AddPaymentRules(PaymentsHostExtensions.ResolveConnectionString(builder.Configuration));
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, RulesStartup>());
        builder.Services.AddSingleton<RuleApi>();
        return builder;
    }

    /// <summary>Maps the rule API under <c>/api/rules</c>, <c>/api/rule-executions</c> and <c>/api/audit/rules</c>, at function-key level.</summary>
    public static IEndpointRouteBuilder MapPaymentRules(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api")
            .RequireFunctionKey()
            .AddEndpointFilter(async (context, next) => PaymentsHostExtensions.IsEnabled(context.HttpContext) ? await next(context) : PaymentProblems.Disabled())
            .WithTags("Payment rules")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var rules = api.MapGroup("/rules");
        rules.MapPost("", Handler(c => Api(c).CreateAsync(c)))
            .WithName("CreateRule")
            .WithDescription("Creates a rule from its JSON (contractor_payment, revenue_allocation or profit_distribution). The person is named by x-approver-key. " +
                "A bad rule answers 400 listing every problem of every validation layer with its JSON path, and nothing is stored.")
            .Accepts<object>("application/json")
            .Produces<RuleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        rules.MapGet("", Handler(c => Api(c).ListAsync(c))).WithName("ListRules").Produces<List<RuleView>>().ProducesValidationProblem();
        rules.MapGet("/{id}", (HttpContext c, string id) => Api(c).GetAsync(c, id)).WithName("GetRule").Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPut("/{id}", (HttpContext c, string id) => Api(c).UpdateAsync(c, id))
            .WithName("UpdateRule")
            .WithDescription("Replaces the rule's definition, validated as on creation; it applies from the next execution.")
            .Accepts<object>("application/json")
            .Produces<RuleView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapDelete("/{id}", (HttpContext c, string id) => Api(c).SetStatusAsync(c, id, RuleStatus.Deleted))
            .WithName("DeleteRule").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/{id}/pause", (HttpContext c, string id) => Api(c).SetStatusAsync(c, id, RuleStatus.Paused))
            .WithName("PauseRule").Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/{id}/resume", (HttpContext c, string id) => Api(c).SetStatusAsync(c, id, RuleStatus.Active))
            .WithName("ResumeRule").Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/{id}/simulate", (HttpContext c, string id) => Api(c).SimulateAsync(c, id))
            .WithName("SimulateRule")
            .WithDescription("A dry run now: full validation and a gas estimate from the chain; nothing is signed or sent.")
            .Produces<ExecutionView>()
            .Produces<ExecutionStarted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/{id}/execute", (HttpContext c, string id) => Api(c).ExecuteAsync(c, id))
            .WithName("ExecuteRule")
            .WithDescription("Starts one execution now (testnet unless 'mode' says otherwise), subject to every check; it waits for approvals. " +
                "With an Idempotency-Key header a retry answers 200 with the execution the key started, and 422 if it asked for another mode.")
            .Accepts<ExecuteRuleRequest>("application/json")
            .Produces<ExecutionStarted>(StatusCodes.Status202Accepted)
            .Produces<ExecutionStarted>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapGet("/{id}/history", (HttpContext c, string id) => Api(c).HistoryAsync(c, id))
            .WithName("GetRuleHistory").Produces<RuleHistoryView>().ProducesProblem(StatusCodes.Status404NotFound);

        var executions = api.MapGroup("/rule-executions");
        executions.MapGet("/{id}", (HttpContext c, string id) => Api(c).GetExecutionAsync(c, id))
            .WithName("GetRuleExecution").Produces<ExecutionView>().ProducesProblem(StatusCodes.Status404NotFound);
        executions.MapPost("/{id}/approve", (HttpContext c, string id) => Api(c).DecideAsync(c, id, approve: true))
            .WithName("ApproveRuleExecution").Produces<DecisionResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        executions.MapPost("/{id}/reject", (HttpContext c, string id) => Api(c).DecideAsync(c, id, approve: false))
            .WithName("RejectRuleExecution").Produces<DecisionResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var auditLog = api.MapGroup("/audit/rules");
        auditLog.MapGet("", Handler(c => Api(c).AuditLogAsync(c))).WithName("ListRuleAuditLog").Produces<List<AuditEntryView>>().ProducesValidationProblem();
        auditLog.MapGet("/verify", Handler(c => Api(c).VerifyAuditLogAsync(c))).WithName("VerifyRuleAuditLog").Produces<AuditVerification>();
        return endpoints;
    }

    internal static RuleApi Api(HttpContext context) => context.RequestServices.GetRequiredService<RuleApi>();

    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;
}
