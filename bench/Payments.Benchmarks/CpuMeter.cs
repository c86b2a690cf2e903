using System.Globalization;

namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>
/// CPU used during the batch, from /proc: the app process, this process (which hosts the Juno simulator and the
/// Key Vault emulator) and the whole machine, so the report can say which side is the limit.
/// </summary>
internal sealed class CpuMeter(int appProcessId)
{
    // USER_HZ: the unit of /proc's tick counts; 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    private (long App, long Self, long Busy, long Total) _start;

    public void Start() => _start = Read();

    /// <summary>Cores used on average since <see cref="Start"/>.</summary>
    public CpuUse Stop(TimeSpan elapsed)
    {
        var end = Read();
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var totalTicks = Math.Max(end.Total - _start.Total, 1);
        return new CpuUse(
            (end.App - _start.App) / TicksPerSecond / seconds,
            (end.Self - _start.Self) / TicksPerSecond / seconds,
            (double)(end.Busy - _start.Busy) / totalTicks * Environment.ProcessorCount);
    }

    private (long App, long Self, long Busy, long Total) Read()
    {
        // "cpu user nice system idle iowait irq softirq steal …": idle and iowait are the idle part.
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Sum();
        return (ProcessTicks(appProcessId), ProcessTicks(Environment.ProcessId), total - cpu[3] - cpu[4], total);
    }

    private static long ProcessTicks(int pid)
    {
        // Fields after the command name's closing parenthesis: utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
