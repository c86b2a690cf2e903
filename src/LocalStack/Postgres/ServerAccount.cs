namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// The operating-system account the server programs run as. initdb and postgres refuse to run
/// as root, so as root they run as an unprivileged account (normally <c>postgres</c>) through
/// runuser, or su where runuser is missing; otherwise they run as the current user.
/// </summary>
internal sealed class ServerAccount
{
    private static readonly string[] RunuserLocations = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"];
    private static readonly string[] SuLocations = ["/bin/su", "/usr/bin/su"];

    private readonly string? _runuser;
    private readonly string? _su;

    private ServerAccount(string? userName, string? runuser, string? su)
    {
        UserName = userName;
        _runuser = runuser;
        _su = su;
    }

    /// <summary>The account switched to, or null when the programs run as the current user.</summary>
    public string? UserName { get; }

    public bool Switches => UserName is not null;

    public static ServerAccount Resolve(string userName)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(null, null, null);
        }

        var runuser = FindProgram("runuser", RunuserLocations);
        var su = runuser is null ? FindProgram("su", SuLocations) : null;
        if (runuser is null && su is null)
        {
            throw new PostgresClusterException(
                "Running as root, the PostgreSQL server must run as an unprivileged account, but neither runuser nor su was found.");
        }

        return new ServerAccount(userName, runuser, su);
    }

    /// <summary>The command line that runs <paramref name="program"/> as this account.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(string program, IReadOnlyList<string> arguments)
    {
        if (!Switches)
        {
            return (program, arguments);
        }

        if (_runuser is not null)
        {
            return (_runuser, ["-u", UserName!, "--", program, .. arguments]);
        }

        var command = "exec " + string.Join(' ', new[] { program }.Concat(arguments).Select(ShellQuote));
        return (_su!, ["-s", "/bin/sh", UserName!, "-c", command]);
    }

    /// <summary>Hands a folder we created to the account, so the server can write in it.</summary>
    public async Task TakeOwnershipAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Switches)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync(
            "chown", [$"{UserName}:", directory], null, TimeSpan.FromSeconds(30), null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new PostgresClusterException(
                $"Running as root, the PostgreSQL server runs as '{UserName}', but '{directory}' could not be given to that account "
                + $"(does it exist? the Debian postgresql package creates it): {result.CombinedOutput}");
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? FindProgram(string name, IEnumerable<string> knownLocations)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return knownLocations
            .Concat(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(entry => Path.Combine(entry, name)))
            .FirstOrDefault(File.Exists);
    }
}
