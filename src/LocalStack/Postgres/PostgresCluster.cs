using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// A private PostgreSQL server started from the machine's binaries in a temporary folder,
/// listening on 127.0.0.1 and a free port, with trust authentication for the <c>postgres</c>
/// user. It lets tests and local runs use a real database without touching any installed
/// server; disposing it stops the server and deletes its folder, and the process's exit does
/// the same for clusters nobody disposed.
/// </summary>
public sealed partial class PostgresCluster : IAsyncDisposable
{
    private const string Host = "127.0.0.1";
    private const string SuperUser = "postgres";
    private const int MaxPortAttempts = 5;
    private const int MaxSocketPathLength = 100;

    private static readonly string[] SynchronousCommitValues = ["on", "off", "local", "remote_write", "remote_apply"];

    private readonly ClusterHandle _handle;
    private readonly ServerAccount _account;
    private readonly ConcurrentDictionary<string, byte> _handedOut = new(StringComparer.Ordinal);
    private int _disposed;

    private PostgresCluster(ClusterHandle handle, ServerAccount account, string binDirectory, int port)
    {
        _handle = handle;
        _account = account;
        BinDirectory = binDirectory;
        Port = port;
        ConnectionString = GetConnectionString(SuperUser);
    }

    /// <summary>Npgsql connection string for the <c>postgres</c> database as the <c>postgres</c> superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The folder of the server programs in use; pgbench and psql of the same version live there.</summary>
    public string BinDirectory { get; }

    /// <summary>The cluster's data folder (deleted on dispose).</summary>
    public string DataDirectory => _handle.DataDirectory;

    /// <summary>
    /// Creates and starts a cluster, returning once it accepts connections.
    /// </summary>
    /// <exception cref="PostgresClusterException">
    /// The binaries are missing, initdb failed, or the server did not come up in time; the
    /// message includes the tool output or the server log's tail.
    /// </exception>
    public static async Task<PostgresCluster> StartAsync(PostgresClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresClusterOptions();
        Validate(options);

        var binDirectory = PostgresBinaries.Resolve(options.BinDirectory);
        var account = ServerAccount.Resolve(options.ServerAccount);
        var parent = ClusterFolders.EnsureParent(options.BaseDirectory, account.Switches);
        ClusterFolders.ReapOrphans(parent);

        var handle = new ClusterHandle(ClusterFolders.CreateClusterRoot(parent));
        ClusterRegistry.Add(handle);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        try
        {
            await account.TakeOwnershipAsync(handle.RootDirectory, timeout.Token).ConfigureAwait(false);
            await InitializeAsync(handle, account, binDirectory, timeout.Token).ConfigureAwait(false);
            await File.AppendAllTextAsync(
                Path.Combine(handle.DataDirectory, "postgresql.conf"), RenderSettings(handle, options), timeout.Token).ConfigureAwait(false);

            var port = await StartServerAsync(handle, account, binDirectory, options, timeout.Token).ConfigureAwait(false);
            ClusterWatchdog.Start(handle);
            var cluster = new PostgresCluster(handle, account, binDirectory, port);
            await cluster.WaitUntilAcceptingAsync(timeout.Token).ConfigureAwait(false);
            return cluster;
        }
        catch (Exception ex)
        {
            var logTail = ReadLogTail(handle);
            await StopServerAsync(handle, account, binDirectory).ConfigureAwait(false);
            ClusterRegistry.Remove(handle);

            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new PostgresClusterException(
                    $"The PostgreSQL cluster did not start within {options.StartTimeout.TotalSeconds:0} s.{FormatLog(logTail)}", ex);
            }

            throw;
        }
    }

    /// <summary>The connection string for another database of this cluster.</summary>
    public string GetConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = SuperUser,
            Database = database,
        }.ConnectionString;
        _handedOut.TryAdd(connectionString, 0);
        return connectionString;
    }

    /// <summary>
    /// Creates an empty database and returns its connection string, so that each test class or
    /// benchmark works on its own data.
    /// </summary>
    /// <param name="name">Lower-case letters, digits and underscores; at most 63 characters.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        PostgresDatabases.ValidateName(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await PostgresDatabases.CreateAsync(ConnectionString, name, comment: null, cancellationToken).ConfigureAwait(false);
        return GetConnectionString(name);
    }

    /// <summary>Stops the server at once (no checkpoint: its data is thrown away) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var connectionString in _handedOut.Keys)
        {
            var connection = new NpgsqlConnection(connectionString);
            await using (connection.ConfigureAwait(false))
            {
                NpgsqlConnection.ClearPool(connection);
            }
        }

        await StopServerAsync(_handle, _account, BinDirectory).ConfigureAwait(false);
        ClusterRegistry.Remove(_handle);
    }

    /// <inheritdoc/>
    public override string ToString() => $"PostgreSQL cluster on {Host}:{Port.ToString(CultureInfo.InvariantCulture)} ({DataDirectory})";

    private static void Validate(PostgresClusterOptions options)
    {
        if (!SynchronousCommitValues.Contains(options.SynchronousCommit, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"SynchronousCommit must be one of {string.Join(", ", SynchronousCommitValues)}.", nameof(options));
        }

        if (options.MaxConnections < 1)
        {
            throw new ArgumentException("MaxConnections must be positive.", nameof(options));
        }

        if (options.Port is < 1 or > 65535)
        {
            throw new ArgumentException("Port must be between 1 and 65535.", nameof(options));
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("StartTimeout must be positive.", nameof(options));
        }

        foreach (var (name, value) in options.Settings.Append(new("shared_buffers", options.SharedBuffers)))
        {
            if (!SettingName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a valid PostgreSQL setting name.", nameof(options));
            }

            // postgresql.conf is line based: a line break would smuggle in another setting.
            if (value is null || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException($"The value of '{name}' must be a single line.", nameof(options));
            }
        }
    }

    private static async Task InitializeAsync(ClusterHandle handle, ServerAccount account, string binDirectory, CancellationToken cancellationToken)
    {
        // --no-sync: the folder is thrown away, so waiting for the disk buys nothing.
        var result = await RunServerProgramAsync(
            account,
            binDirectory,
            handle,
            "initdb",
            ["-D", handle.DataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--locale=C", "--no-sync"],
            TimeSpan.FromMinutes(5),
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new PostgresClusterException($"initdb failed with exit code {result.ExitCode}:\n{result.CombinedOutput}");
        }
    }

    private static string RenderSettings(ClusterHandle handle, PostgresClusterOptions options)
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("listen_addresses", Host),
            new("max_connections", options.MaxConnections.ToString(CultureInfo.InvariantCulture)),
            new("shared_buffers", options.SharedBuffers),
            new("timezone", "UTC"),
            new("log_timezone", "UTC"),
        };

        // The unix socket sits in the data folder so clusters never collide (nor meet a system
        // server's /var/run/postgresql); a path too long for a socket name leaves TCP only.
        var socketPath = Path.Combine(handle.DataDirectory, ".s.PGSQL.65535");
        settings.Add(new("unix_socket_directories", Encoding.UTF8.GetByteCount(socketPath) <= MaxSocketPathLength ? handle.DataDirectory : string.Empty));

        if (options.Durability)
        {
            settings.Add(new("synchronous_commit", options.SynchronousCommit));
        }
        else
        {
            settings.Add(new("fsync", "off"));
            settings.Add(new("full_page_writes", "off"));
            settings.Add(new("synchronous_commit", "off"));
            settings.Add(new("wal_level", "minimal"));
            settings.Add(new("max_wal_senders", "0"));
        }

        settings.AddRange(options.Settings);

        var text = new StringBuilder().AppendLine().AppendLine("# PaymentFunctions private cluster");
        foreach (var (name, value) in settings)
        {
            text.Append(name).Append(" = '").Append(value.Replace("'", "''", StringComparison.Ordinal)).AppendLine("'");
        }

        return text.ToString();
    }

    private static async Task<int> StartServerAsync(
        ClusterHandle handle, ServerAccount account, string binDirectory, PostgresClusterOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? FreeTcpPort.Next();
            var waitSeconds = (int)Math.Ceiling(options.StartTimeout.TotalSeconds);
            var result = await RunServerProgramAsync(
                account,
                binDirectory,
                handle,
                "pg_ctl",
                ["-D", handle.DataDirectory, "-l", handle.LogFile, "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}", "-w", "-t", waitSeconds.ToString(CultureInfo.InvariantCulture), "start"],
                options.StartTimeout,
                cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                handle.PostmasterPid = handle.ReadPostmasterPid();
                return port;
            }

            var log = ReadLogTail(handle);
            var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
            if (!portTaken || options.Port is not null || attempt >= MaxPortAttempts)
            {
                throw new PostgresClusterException(
                    $"The PostgreSQL server did not start (pg_ctl exit code {result.ExitCode}): {result.CombinedOutput}{FormatLog(log)}");
            }

            // Someone took the port between our probe and the server's bind: stop whatever half-started, try another.
            await StopServerAsync(handle, account, binDirectory, deleteFolder: false).ConfigureAwait(false);
            File.Delete(handle.LogFile);
        }
    }

    /// <summary>pg_ctl -w already waited for "ready"; this proves a client can really get in.</summary>
    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        while (true)
        {
            try
            {
                var connection = new NpgsqlConnection(probe);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    var command = new NpgsqlCommand("SELECT 1", connection);
                    await using (command.ConfigureAwait(false))
                    {
                        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Immediate stop through pg_ctl, falling back to signals; never throws.</summary>
    private static async Task StopServerAsync(ClusterHandle handle, ServerAccount account, string binDirectory, bool deleteFolder = true)
    {
        if (handle.ReadPostmasterPid() != 0 && Directory.Exists(handle.DataDirectory))
        {
            try
            {
                await RunServerProgramAsync(
                    account,
                    binDirectory,
                    handle,
                    "pg_ctl",
                    ["-D", handle.DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"],
                    TimeSpan.FromSeconds(40),
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (PostgresClusterException)
            {
                // The signals below finish the job.
            }
        }

        if (deleteFolder)
        {
            handle.EmergencyStop();
        }
        else
        {
            var pid = handle.PostmasterPid != 0 ? handle.PostmasterPid : handle.ReadPostmasterPid();
            ProcessSignals.Stop(pid, TimeSpan.FromSeconds(3));
            handle.PostmasterPid = 0;
        }
    }

    private static Task<ProcessResult> RunServerProgramAsync(
        ServerAccount account,
        string binDirectory,
        ClusterHandle handle,
        string program,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var (fileName, wrapped) = account.Wrap(PostgresBinaries.Program(binDirectory, program), arguments);

        // The server account may not be able to enter our working folder; its own folder it can.
        return ProcessRunner.RunAsync(fileName, wrapped, handle.RootDirectory, timeout, null, cancellationToken);
    }

    private static string ReadLogTail(ClusterHandle handle, int lines = 30)
    {
        try
        {
            return File.Exists(handle.LogFile) ? string.Join('\n', File.ReadLines(handle.LogFile).TakeLast(lines)) : string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static string FormatLog(string logTail) =>
        string.IsNullOrWhiteSpace(logTail) ? string.Empty : $"\nServer log (last lines):\n{logTail}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}
