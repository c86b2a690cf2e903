using System.Globalization;
using PaymentFunctions.LocalStack.Processes;

namespace PaymentFunctions.LocalStack.Azurite;

/// <summary>
/// A detached shell that outlives this process and kills Azurite once the owner is gone without disposing it,
/// like the PostgreSQL cluster's watchdog: SIGKILL skips exit handlers, and since .NET 10 so does SIGTERM.
/// It exits by itself as soon as Azurite is gone, i.e. after a normal dispose.
/// </summary>
internal static class AzuriteWatchdog
{
    // $1 owner pid, $2 azurite pid. Azurite's command line (with its unique ports) is read once and must still
    // match before anything is signalled, so a recycled pid is never hit; a zombie's command line is empty,
    // so a dead but unreaped owner counts as gone. The background subshell is re-parented to init, so killing
    // the owner's process tree does not take it along.
    private const string Script = """
        trap '' INT HUP
        exec >/dev/null 2>&1 </dev/null
        (
          cmd() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null; }
          expected="$(cmd "$2")"
          [ -n "$expected" ] || exit 0
          while [ -n "$(cmd "$1")" ] && [ "$(cmd "$2")" = "$expected" ]; do sleep 1; done
          if [ "$(cmd "$2")" = "$expected" ]; then
            kill -TERM "$2"
            i=0
            while [ $i -lt 50 ] && [ "$(cmd "$2")" = "$expected" ]; do sleep 0.1; i=$((i+1)); done
            [ "$(cmd "$2")" = "$expected" ] && kill -KILL "$2"
          fi
        ) &
        """;

    /// <summary>Watches <paramref name="azuritePid"/> on behalf of <paramref name="ownerPid"/> (default: this process).</summary>
    public static void Start(int azuritePid, int? ownerPid = null)
    {
        if (!OperatingSystem.IsLinux() || azuritePid <= 0)
        {
            return;
        }

        DetachedShell.Launch(
            Script,
            "paymentfunctions-azurite-watchdog",
            (ownerPid ?? Environment.ProcessId).ToString(CultureInfo.InvariantCulture),
            azuritePid.ToString(CultureInfo.InvariantCulture));
    }
}
