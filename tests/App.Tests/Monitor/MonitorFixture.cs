using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PaymentFunctions.App.Tests.Payments;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.App.Tests.Monitor;

/// <summary>
/// The payments app on the local stack, served on a real loopback port, and one headless Debian chromium shared by
/// every monitor test; each test opens its own browser context. Payouts retry quickly so a returned one is held soon.
/// </summary>
public sealed class MonitorFixture : PaymentsAppFixture, IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Everything the app logged, at information level and up, to show no key reaches a log.</summary>
    internal CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => this.Client.BaseAddress!;

    /// <summary>An admin-keyed client for setting up and checking what the page did.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        this.Admin = this.App.CreateAdminClient();
        this.playwright = await Playwright.CreateAsync();
        this.Browser = await this.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public new async Task DisposeAsync()
    {
        if (this.Browser is not null)
        {
            await this.Browser.DisposeAsync();
        }

        this.playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context on <c>/monitor</c>, signed in with the admin key unless told otherwise.</summary>
    public async Task<MonitorPage> OpenAsync(bool signIn = true)
    {
        var context = await this.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = this.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var monitor = new MonitorPage(context, await context.NewPageAsync());
        var page = monitor.Page;
        await page.GotoAsync("/monitor");
        if (signIn)
        {
            await page.FillAsync("#admin-key", AppFactory.AdminKey);
            await page.ClickAsync("#sign-in");
            await Assertions.Expect(page.Locator("#instances")).ToBeVisibleAsync();
        }

        return monitor;
    }

    /// <summary>Creates a payment (with custody or without), makes the buyer's deposit and runs deposit detection; returns its id.</summary>
    public async Task<string> PayAsync(decimal amount, bool custody)
    {
        var response = await this.Client.PostAsync("/api/payments", ApiClient.Json(this.Body(amount, b =>
        {
            if (!custody)
            {
                b.Remove("custodyEnd");
            }
        }).ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = (await response.ReadJsonAsync()).GetProperty("payment");
        this.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(amount));
        var trigger = await this.Client.PostAsync("/api/automation/trigger", ApiClient.Json(new JsonObject { ["process"] = "deposits" }.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, trigger.StatusCode);
        return payment.GetProperty("id").GetString()!;
    }

    /// <summary>Whether any log entry, message or structured value, contains <paramref name="secret"/>.</summary>
    public bool Logged(string secret) => this.Logs.Entries.Any(e =>
        e.Message.Contains(secret, StringComparison.Ordinal) || e.Values.Values.Any(v => v?.ToString()?.Contains(secret, StringComparison.Ordinal) == true));

    /// <summary>
    /// Where a screenshot goes: under the test output, or under <c>docs/monitor</c> for the README when
    /// <c>MONITOR_SCREENSHOTS=1</c>, so an ordinary test run leaves the working tree clean.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        if (Environment.GetEnvironmentVariable("MONITOR_SCREENSHOTS") == "1")
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaymentFunctions.sln")))
            {
                directory = directory.Parent;
            }

            folder = Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("No PaymentFunctions.sln above the test binaries."), "docs", "monitor");
        }

        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    protected override void Configure(AppFactory app)
    {
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        // The in-process app signs through the stack's Key Vault emulator, as a managed identity would let it.
        app.ConfigureServices = services => services
            .AddSingleton<TokenCredential>(this.Stack.KeyVault.Credential)
            .AddSingleton<ILoggerProvider>(this.Logs);
        app.Settings["Logging:LogLevel:Default"] = "Information";
        app.Settings["Payments:Lifecycle:PayoutAttempts"] = "2";
        app.Settings["Payments:Lifecycle:PayoutRetryInterval"] = "00:00:00.500";
        app.Settings["Payments:Lifecycle:PollInterval"] = "00:00:00.200";
    }
}
