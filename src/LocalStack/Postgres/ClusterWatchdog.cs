using System.Globalization;
using PaymentFunctions.LocalStack.Processes;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// A detached shell that outlives this process: once the process is gone without cleaning up
/// it stops the postmaster and deletes the cluster's folder. Exit handlers cannot do this:
/// SIGKILL skips them, and since .NET 10 so does SIGTERM (the runtime no longer raises
/// ProcessExit for it). It exits by itself once the folder is gone, i.e. after a normal dispose.
/// </summary>
internal static class ClusterWatchdog
{
    // $1 owner pid, $2 postmaster pid, $3 cluster folder. The background subshell is re-parented
    // to init, so killing this process's tree does not take it along; postmaster.pid must still
    // name the same pid before anything is signalled, so a recycled pid is never hit.
    private const string Script = """
        trap '' INT HUP
        exec >/dev/null 2>&1 </dev/null
        (
          while kill -0 "$1" && [ -d "$3" ]; do sleep 1; done
          if [ -d "$3" ]; then
            if [ "$(head -n 1 "$3/data/postmaster.pid")" = "$2" ]; then
              kill -QUIT "$2"
              i=0
              while [ $i -lt 50 ] && [ "$(head -n 1 "$3/data/postmaster.pid")" = "$2" ]; do sleep 0.1; i=$((i+1)); done
              [ "$(head -n 1 "$3/data/postmaster.pid")" = "$2" ] && kill -KILL "$2"
            fi
            rm -rf "$3"
          fi
        ) &
        """;

    public static void Start(ClusterHandle handle)
    {
        if (handle.PostmasterPid == 0)
        {
            return;
        }

        DetachedShell.Launch(
            Script,
            "paymentfunctions-pg-watchdog",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            handle.PostmasterPid.ToString(CultureInfo.InvariantCulture),
            handle.RootDirectory);
    }
}
