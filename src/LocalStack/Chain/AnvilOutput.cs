namespace PaymentFunctions.LocalStack.Chain;

/// <summary>Keeps the last lines anvil printed, to explain a failed start.</summary>
internal sealed class AnvilOutput
{
    private const int Capacity = 60;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
