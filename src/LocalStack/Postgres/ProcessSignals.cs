using System.Globalization;
using System.Runtime.InteropServices;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// Signals for emergency stops, where running pg_ctl is not possible (process exit) or not
/// wanted (orphan clean-up).
/// </summary>
internal static class ProcessSignals
{
    private const int SigQuit = 3;
    private const int SigKill = 9;

    /// <summary>SIGQUIT is PostgreSQL's "immediate shutdown": the postmaster takes its backends down with it.</summary>
    public static void Quit(int pid) => Send(pid, SigQuit);

    public static void Kill(int pid) => Send(pid, SigKill);

    /// <summary>
    /// True while the process runs. A zombie counts as gone: in containers the reparented
    /// postmaster may never be reaped by PID 1.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var afterName = text.LastIndexOf(')');
                var state = afterName >= 0 && afterName + 2 < text.Length ? text[afterName + 2] : '?';
                return state is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }

        return NativeMethods.Kill(pid, 0) == 0;
    }

    /// <summary>The kernel's short name of the process ("postgres"), or null when unknown.</summary>
    public static string? CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Waits until the process is gone or the time is up; true when it is gone.</summary>
    public static bool WaitForExit(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    /// <summary>Immediate shutdown, escalating to SIGKILL when the postmaster does not go.</summary>
    public static void Stop(int pid, TimeSpan grace)
    {
        if (!IsAlive(pid))
        {
            return;
        }

        Quit(pid);
        if (!WaitForExit(pid, grace))
        {
            Kill(pid);
            WaitForExit(pid, grace);
        }
    }

    private static void Send(int pid, int signal)
    {
        if (pid > 0)
        {
            _ = NativeMethods.Kill(pid, signal);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Kill(int pid, int sig);
    }
}
