using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.LocalStack.Stack;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Tests.Payments;

/// <summary>
/// The app with payments on a real local stack (PostgreSQL, anvil with the contracts, the Key Vault emulator and
/// the Juno simulator), its durable store on the stack's database. The timers are scheduled once a year so only the
/// tests run the processes; a registered seller account and two approvers are ready.
/// </summary>
public class PaymentsAppFixture : IAsyncLifetime
{
    public const string WebhookSecret = "test-webhook-secret-0123456789";
    public const string AliceKey = "alice-approver-key";
    public const string BobKey = "bob-approver-key";
    public const decimal Threshold = 2000m;

    private const string Yearly = "0 0 0 1 1 *";

    public LocalPaymentStack Stack { get; private set; } = null!;

    public AppFactory App { get; } = new();

    /// <summary>A seller CLABE registered at the simulator as a bank account.</summary>
    public Clabe SellerClabe { get; } = Clabe.Create("012", "180", Random.Shared.NextInt64(1, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string SellerAccountId { get; private set; } = "";

    /// <summary>The buyer's refund CLABE, registered at the simulator as a bank account (creation requires it).</summary>
    public Clabe BuyerRefundClabe { get; } = Clabe.Create("072", "180", Random.Shared.NextInt64(1, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A client with the function key.</summary>
    public HttpClient Client { get; private set; } = null!;

    public PaymentStore Store => this.App.Services.GetRequiredService<PaymentStore>();

    public virtual async Task InitializeAsync()
    {
        this.Stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);
        this.SellerAccountId = (await this.Stack.RegisterBankAccountAsync(this.SellerClabe, "Vendedora de Prueba")).Id;
        await this.Stack.RegisterBankAccountAsync(this.BuyerRefundClabe, "Comprador Uno");
        this.App.ConnectionString = this.Stack.Postgres;
        foreach (var (name, value) in this.Stack.AppSettings)
        {
            this.App.Settings[name] = value;
        }

        this.App.Settings["Payments:DoubleApprovalThresholdMxn"] = Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
        this.App.Settings["Payments:Approvers:alice"] = AliceKey;
        this.App.Settings["Payments:Approvers:bob"] = BobKey;
        this.App.Settings["Payments:JunoWebhookSecret"] = WebhookSecret;

        // Injected Juno outages fail fast instead of after the production retry schedule.
        this.App.Settings["Juno:MaxRetries"] = "1";
        this.App.Settings["Juno:RetryBaseDelay"] = "00:00:00.050";

        // Any payment idle for a millisecond counts as stuck, so the stuck process has something to flag on demand.
        this.App.Settings["Payments:StuckAfter"] = "00:00:00.001";
        foreach (var schedule in (string[])["DepositDetectionSchedule", "CustodyReportSchedule", "ChainSyncSchedule", "StuckDetectionSchedule"])
        {
            this.App.Settings[$"Payments:{schedule}"] = Yearly;
        }

        this.Configure(this.App);
        await ((IAsyncLifetime)this.App).InitializeAsync();
        this.Client = this.App.CreateKeyedClient(AppFactory.FunctionKey);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)this.App).DisposeAsync();
        await this.Stack.DisposeAsync();
    }

    /// <summary>A valid creation body; <paramref name="change"/> edits it.</summary>
    public JsonObject Body(decimal amount = 1500.00m, Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["amount"] = amount,
            ["buyer"] = new JsonObject { ["name"] = "Comprador Uno", ["refundClabe"] = this.BuyerRefundClabe.Value },
            ["seller"] = new JsonObject { ["name"] = "Vendedora de Prueba", ["clabe"] = this.SellerClabe.Value },
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(2).ToString("O"),
            ["custodyEnd"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
        };
        change?.Invoke(body);
        return body;
    }

    /// <summary>Creates a payment through the API and returns the response's <c>payment</c> object.</summary>
    public async Task<JsonElement> CreateAsync(decimal amount = 1500.00m)
    {
        var response = await this.Client.PostAsJsonAsync("/api/payments", this.Body(amount));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("payment");
    }

    /// <summary>Polls the payment until <paramref name="done"/> holds for its view.</summary>
    public async Task<JsonElement> WaitForPaymentAsync(string id, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement view = default;
        while (!timeout.IsCancellationRequested)
        {
            view = await (await this.Client.GetAsync($"/api/payments/{id}")).ReadJsonAsync();
            if (done(view))
            {
                return view;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"Payment {id} never reached the expected state; last seen {view}.");
    }

    /// <summary>Hook for subclasses, e.g. to serve the app on a real port.</summary>
    protected virtual void Configure(AppFactory app)
    {
    }
}
