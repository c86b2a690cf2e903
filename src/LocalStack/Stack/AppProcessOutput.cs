using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>Where the app's output goes: the log file, the caller's callback, and a tail kept to explain failures.</summary>
internal sealed class AppProcessOutput : IDisposable
{
    private readonly AnvilOutput _tail = new();
    private StreamWriter? _log;
    private readonly Action<string>? _callback;
    private readonly Lock _gate = new();

    public AppProcessOutput(string? logPath, Action<string>? callback)
    {
        _callback = callback;
        if (logPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
            _log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Add(line);
        lock (_gate)
        {
            _log?.WriteLine(line);
        }

        try
        {
            _callback?.Invoke(line);
        }
        catch (Exception)
        {
            // A failing observer must not stop the output from being read (the app would block on a full pipe).
        }
    }

    public string Tail() => _tail.Tail();

    public void Dispose()
    {
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
        }
    }
}
