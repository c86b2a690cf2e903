using System.Numerics;
using System.Security.Cryptography;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Demo.Api;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.Demo;

/// <summary>
/// The local stack, the app started against it as a child process, and the demo seller registered at the Juno
/// simulator: what the demo and the lifecycle benchmark both need before the first payment.
/// </summary>
public sealed class LocalRun : IAsyncDisposable
{
    private readonly HttpClient _http;

    private LocalRun(LocalPaymentStack stack, AppProcess app, JunoBankAccount seller, string language, DemoKeys keys)
    {
        Stack = stack;
        Keys = keys;
        App = app;
        Seller = seller;
        _http = app.CreateClient();
        Api = new PaymentsApi(_http, language);
        Token = new Erc20(stack.Anvil.CreateRpcClient(), stack.Deployment.Token);
    }

    /// <summary>PostgreSQL, anvil, the Key Vault emulator and the Juno simulator.</summary>
    public LocalPaymentStack Stack { get; }

    /// <summary>The app.</summary>
    public AppProcess App { get; }

    /// <summary>The admin key, the Durable Task system key and the approvers the app was started with.</summary>
    public DemoKeys Keys { get; }

    /// <summary>The seller's payout account at the simulator.</summary>
    public JunoBankAccount Seller { get; }

    /// <summary>The payments API of the app, with its function key.</summary>
    public PaymentsApi Api { get; }

    /// <summary>MXNB on the local chain.</summary>
    public Erc20 Token { get; }

    /// <summary>
    /// Starts the stack (private PostgreSQL cluster under <paramref name="dataDirectory"/>, and Azurite when the task hub
    /// is on Azure Storage) and the app on <paramref name="url"/>.
    /// </summary>
    /// <param name="url">Where the app listens; port 0 picks a free one.</param>
    /// <param name="language">Language of timeline texts (<c>es</c>, <c>en</c>).</param>
    /// <param name="dataDirectory">Folder for the database cluster and the app's log (<c>app.log</c>).</param>
    /// <param name="progress">One line per step.</param>
    /// <param name="settings">App settings on top of the stack's (e.g. the benchmark's worker concurrency); may be null.</param>
    /// <param name="taskHub">The app's durable backend; the payments are in PostgreSQL either way.</param>
    /// <param name="cancellationToken">Cancels the start; what was started is stopped again.</param>
    public static async Task<LocalRun> StartAsync(
        Uri url,
        string language,
        string dataDirectory,
        IProgress<string> progress,
        IReadOnlyDictionary<string, string>? settings,
        TaskHubBackend taskHub,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Directory.CreateDirectory(dataDirectory);
        var stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions { DataDirectory = dataDirectory, TaskHub = taskHub }, progress, cancellationToken).ConfigureAwait(false);
        AppProcess? app = null;
        try
        {
            var log = Path.Combine(dataDirectory, "app.log");
            File.Delete(log);
            progress.Report($"starting the app on {url.GetLeftPart(UriPartial.Authority)} (log: {Path.GetRelativePath(Directory.GetCurrentDirectory(), log)})");
            var options = AppProcessOptions.ForStack(stack);
            var appSettings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
            {
                // host.json logs every SQL command at Information; in a local run that buries what matters and costs CPU.
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            };

            // An open management API and approvers: without them nothing above the approval threshold could finish.
            var keys = DemoKeys.Generate();
            foreach (var (name, value) in keys.Settings())
            {
                appSettings[name] = value;
            }

            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                appSettings[name] = value;
            }

            app = await AppProcess.StartAsync(
                options with
                {
                    Url = url,
                    FunctionKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    LogPath = log,
                    Settings = appSettings,
                },
                cancellationToken).ConfigureAwait(false);
            progress.Report($"app ready at {app.BaseAddress} (pid {app.ProcessId})");
            var seller = await stack.RegisterBankAccountAsync(DemoParties.SellerClabe, DemoParties.SellerName, cancellationToken).ConfigureAwait(false);
            progress.Report($"seller '{DemoParties.SellerName}' registered at Juno with CLABE {DemoParties.SellerClabe}");

            // A refund (a compensation path) pays the buyer back to a registered account too.
            await stack.RegisterBankAccountAsync(DemoParties.BuyerRefundClabe, DemoParties.BuyerName, cancellationToken).ConfigureAwait(false);
            return new LocalRun(stack, app, seller, language, keys);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>MXNB held by the escrow contract and by the bridge wallet, read from the chain (base units).</summary>
    public async Task<(BigInteger Escrow, BigInteger Bridge)> ChainBalancesAsync(CancellationToken cancellationToken) =>
        (await Token.BalanceOfAsync(Stack.Deployment.Escrow, cancellationToken).ConfigureAwait(false),
         await Token.BalanceOfAsync(Stack.BridgeAddress, cancellationToken).ConfigureAwait(false));

    /// <summary>Stops the app (SIGTERM, so it finishes what it is doing) and then the stack; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.DisposeAsync().ConfigureAwait(false);
        await Stack.DisposeAsync().ConfigureAwait(false);
    }
}
