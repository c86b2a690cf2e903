using System.Diagnostics;

namespace PaymentFunctions.LocalStack.Processes;

/// <summary>
/// Starts a <c>/bin/sh</c> script whose background subshell outlives this process (it is re-parented to init), for
/// watchdogs that must clean up after an owner killed without running its exit handlers.
/// </summary>
internal static class DetachedShell
{
    /// <summary>Runs <paramref name="script"/> as <paramref name="name"/> with positional arguments; a no-op where there is no /bin/sh.</summary>
    public static void Launch(string script, string name, params string[] arguments)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return;
        }

        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(name);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var launcher = Process.Start(startInfo);

            // The launcher returns at once, leaving the detached subshell behind; reap it.
            launcher?.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No watchdog: the owner's own disposal and exit handlers still clean up.
        }
    }
}
