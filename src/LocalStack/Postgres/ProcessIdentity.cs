using System.Diagnostics;
using System.Globalization;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// Names a process as "pid start-ticks", so that left-overs (cluster folders, test databases)
/// can later be matched to a process that is still running, even after its pid was recycled.
/// </summary>
internal static class ProcessIdentity
{
    private static readonly Lazy<string> CurrentIdentity = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return Describe(process.Id, process.StartTime);
    });

    public static string Current => CurrentIdentity.Value;

    /// <summary>Whether the described process still runs; null when the text is not an identity.</summary>
    public static bool? IsRunning(string identity)
    {
        var parts = identity.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return null;
        }

        if (pid == Environment.ProcessId)
        {
            return string.Equals(identity.Trim(), Current, StringComparison.Ordinal);
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            var sameProcess = Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks) < TimeSpan.TicksPerSecond;
            return sameProcess && ProcessSignals.IsAlive(pid);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Describe(int pid, DateTime startTime) =>
        string.Create(CultureInfo.InvariantCulture, $"{pid} {startTime.ToUniversalTime().Ticks}");
}
