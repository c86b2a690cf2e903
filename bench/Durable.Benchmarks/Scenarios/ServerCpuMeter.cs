using System.Globalization;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>
/// CPU time of the PostgreSQL server (postmaster and its live child processes) from /proc, so the benchmark can
/// tell whether the database or the worker is the busy side. Backends that exit during the measurement are not
/// counted; the engine's pooled connections live through it.
/// </summary>
internal sealed class ServerCpuMeter(string dataDirectory)
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    private long start;

    public void Start() => this.start = this.ReadTicks();

    public TimeSpan Stop() => TimeSpan.FromSeconds((this.ReadTicks() - this.start) / TicksPerSecond);

    private long ReadTicks()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == postmaster || parent == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return ticks;
    }
}
