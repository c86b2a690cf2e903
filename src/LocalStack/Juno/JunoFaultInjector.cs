namespace PaymentFunctions.LocalStack.Juno;

/// <summary>Per-path-prefix fault rules with a seeded random source (deterministic for a given seed and call order).</summary>
internal sealed class JunoFaultInjector(Random random)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FaultState> _rules = new(StringComparer.Ordinal);

    public void Set(string pathPrefix, JunoFault fault)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _rules[pathPrefix] = new FaultState(fault);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public FaultDecision Decide(string path)
    {
        lock (_gate)
        {
            // The longest matching prefix wins, so a specific endpoint rule overrides a catch-all "/" rule.
            FaultState? state = null;
            var best = -1;
            foreach (var (prefix, candidate) in _rules)
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > best)
                {
                    state = candidate;
                    best = prefix.Length;
                }
            }

            if (state is null)
            {
                return FaultDecision.None;
            }

            var fault = state.Fault;
            if (state.FailNext > 0)
            {
                state.FailNext--;
                return new FaultDecision(fault.LatencyMs, fault.ErrorStatus, false, false);
            }

            if (state.TimeoutNext > 0)
            {
                state.TimeoutNext--;
                return new FaultDecision(fault.LatencyMs, null, true, false);
            }

            if (state.DropNext > 0)
            {
                state.DropNext--;
                return new FaultDecision(fault.LatencyMs, null, false, true);
            }

            // Always draw three numbers so changing one rate does not shift the others' sequence.
            var error = random.NextDouble() < fault.ErrorRate;
            var hang = random.NextDouble() < fault.TimeoutRate;
            var drop = random.NextDouble() < fault.DropRate;
            return new FaultDecision(fault.LatencyMs, error ? fault.ErrorStatus : null, !error && hang, !error && !hang && drop);
        }
    }

    private sealed class FaultState(JunoFault fault)
    {
        public JunoFault Fault { get; } = fault;

        public int FailNext { get; set; } = fault.FailNext;

        public int TimeoutNext { get; set; } = fault.TimeoutNext;

        public int DropNext { get; set; } = fault.DropNext;
    }
}
