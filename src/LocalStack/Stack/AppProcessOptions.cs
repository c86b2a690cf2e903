using System.Reflection;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>
/// How <see cref="AppProcess"/> starts the app. The app runs as a real child process, not in-process, so the run
/// command, end-to-end tests and benchmarks see exactly what a deployment sees: its own configuration sources,
/// its own thread pool, and a process that can be killed mid-flight.
/// </summary>
public sealed record AppProcessOptions
{
    /// <summary>The app's target framework folder under <c>bin/&lt;Configuration&gt;</c>.</summary>
    public const string TargetFramework = "net10.0";

    /// <summary>The app's assembly file name.</summary>
    public const string AppAssemblyFileName = "PaymentFunctions.App.dll";

    /// <summary>
    /// Path of <c>PaymentFunctions.App.dll</c>; null finds <c>src/App/bin/&lt;Configuration&gt;/net10.0/</c> upward from
    /// the current directory and builds it first when it is missing.
    /// </summary>
    public string? AppPath { get; init; }

    /// <summary>Build configuration of the app to find or build; defaults to the one this library was built in.</summary>
    public string Configuration { get; init; } =
        typeof(AppProcessOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>
    /// Configuration keys (<c>:</c>-separated) handed to the app as environment variables (<c>:</c> becomes <c>__</c>),
    /// which override host.json and local.settings.json as in Azure Functions. May hold secrets: never logged.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the app listens; port 0 picks a free loopback port.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:0");

    /// <summary>The function key the app requires on <c>/api</c> routes (<c>Keys:Function</c>); null leaves it unset.</summary>
    public string? FunctionKey { get; init; }

    /// <summary>File that receives everything the app prints (appended); null writes none.</summary>
    public string? LogPath { get; init; }

    /// <summary>Receives each line the app prints (stderr lines start with <c>stderr: </c>); called from pool threads.</summary>
    public Action<string>? Output { get; init; }

    /// <summary>
    /// Serve the app a local managed identity endpoint (App Service's <c>IDENTITY_ENDPOINT</c> protocol), so its
    /// production credential chain gets tokens for the Key Vault emulator without any local-only code in the app.
    /// </summary>
    public bool ManagedIdentity { get; init; }

    /// <summary>Folder the app runs in; it finds host.json at or above it. Null: the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How long the app may take until <c>/readyz</c> answers 200.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long <see cref="AppProcess.StopAsync"/> waits after SIGTERM before it kills the process.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Options that point the app at a running stack: its <see cref="LocalPaymentStack.AppSettings"/> plus the durable
    /// store on the stack's database, so payments and their orchestrations share one PostgreSQL database.
    /// </summary>
    public static AppProcessOptions ForStack(LocalPaymentStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return new AppProcessOptions
        {
            Settings = new Dictionary<string, string>(stack.AppSettings, StringComparer.OrdinalIgnoreCase)
            {
                ["DurableStoreConnection"] = stack.Postgres,
            },
            ManagedIdentity = true,
        };
    }
}
