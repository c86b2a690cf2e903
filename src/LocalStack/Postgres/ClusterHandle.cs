using System.Globalization;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// The parts of a cluster needed to stop it without help: its folder and its postmaster's
/// process id. Used at process exit and for clusters orphaned by killed test runs.
/// </summary>
internal sealed class ClusterHandle(string rootDirectory)
{
    private int _postmasterPid;

    public string RootDirectory { get; } = rootDirectory;

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "server.log");

    public int PostmasterPid
    {
        get => Volatile.Read(ref _postmasterPid);
        set => Volatile.Write(ref _postmasterPid, value);
    }

    /// <summary>The postmaster's process id from postmaster.pid, or 0 when the server is not running.</summary>
    public int ReadPostmasterPid()
    {
        try
        {
            var firstLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Asks the postmaster for an immediate shutdown without waiting; never throws.</summary>
    public void SignalQuit()
    {
        var pid = PostmasterPid;
        if (pid != 0 && IsPostgres(pid))
        {
            ProcessSignals.Quit(pid);
        }
    }

    /// <summary>Synchronous immediate shutdown and folder removal; never throws.</summary>
    public void EmergencyStop()
    {
        try
        {
            var pid = PostmasterPid != 0 ? PostmasterPid : ReadPostmasterPid();
            if (pid != 0 && IsPostgres(pid))
            {
                ProcessSignals.Stop(pid, TimeSpan.FromSeconds(3));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Best effort: the folder is removed below either way.
        }

        PostmasterPid = 0;
        DeleteFolder();
    }

    /// <summary>Removes the cluster's folder, retrying while a dying server still writes in it.</summary>
    public bool DeleteFolder()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                if (Directory.Exists(RootDirectory))
                {
                    Directory.Delete(RootDirectory, recursive: true);
                }

                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(50);
            }
        }

        return false;
    }

    /// <summary>Guards against a recycled process id: only a postgres process is signalled.</summary>
    private static bool IsPostgres(int pid)
    {
        var name = ProcessSignals.CommandName(pid);
        return name is null
            ? ProcessSignals.IsAlive(pid) && !Directory.Exists("/proc/self")
            : name.StartsWith("postgres", StringComparison.Ordinal) || name.StartsWith("postmaster", StringComparison.Ordinal);
    }
}
