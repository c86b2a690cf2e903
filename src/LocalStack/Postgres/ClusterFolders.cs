using System.Collections.Concurrent;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// Where clusters live: one dedicated parent folder per user under the temp folder, one
/// sub-folder per cluster holding the data folder, the server log and the unix socket, and an
/// <c>owner</c> file naming the process that started it. Folders whose owner died without
/// cleaning up (SIGKILL, power loss) are reaped the next time a cluster starts.
/// </summary>
internal static class ClusterFolders
{
    private const string OwnerFileName = "owner";
    private static readonly ConcurrentDictionary<string, byte> Reaped = new(StringComparer.Ordinal);

    /// <summary>The dedicated parent: mode 0755 so the server's account can reach its folder.</summary>
    public static string EnsureParent(string? baseDirectory, bool serverRunsAsOtherAccount)
    {
        var baseFull = Path.GetFullPath(baseDirectory ?? Path.GetTempPath());
        if (serverRunsAsOtherAccount && !OthersCanTraverse(baseFull))
        {
            // A private TMPDIR (e.g. /root/tmp) would lock the server out of its own data folder.
            baseFull = "/tmp";
        }

        var parent = Path.Combine(baseFull, $"paymentfunctions-pg-{Environment.UserName}");
        Directory.CreateDirectory(parent);
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            try
            {
                File.SetUnixFileMode(parent, Mode);
            }
            catch (UnauthorizedAccessException)
            {
                // Someone else's parent; fine as long as we can create folders in it.
            }
        }

        return parent;
    }

    /// <summary>Creates a fresh, uniquely named cluster folder and records this process as its owner.</summary>
    public static string CreateClusterRoot(string parent)
    {
        // Short names keep the unix socket path well under its 107-byte limit.
        var root = Path.Combine(parent, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFileName), ProcessIdentity.Current);
        return root;
    }

    /// <summary>Stops and removes clusters whose owning process is gone; once per parent per process.</summary>
    public static void ReapOrphans(string parent)
    {
        if (!Reaped.TryAdd(parent, 0))
        {
            return;
        }

        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(parent).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var folder in folders)
        {
            try
            {
                if (IsOrphan(folder))
                {
                    new ClusterHandle(folder).EmergencyStop();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's folder or already gone.
            }
        }
    }

    private static bool IsOrphan(string folder)
    {
        var ownerFile = Path.Combine(folder, OwnerFileName);
        if (!File.Exists(ownerFile))
        {
            // Not ours, or a creator that has not written its owner file yet: only very old ones go.
            return Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
        }

        // An unreadable owner may be one being written right now: leave it.
        return ProcessIdentity.IsRunning(File.ReadAllText(ownerFile)) == false;
    }

    private static bool OthersCanTraverse(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (current.Exists && (current.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
