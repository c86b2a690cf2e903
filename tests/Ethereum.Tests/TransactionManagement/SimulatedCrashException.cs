namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>Thrown by a hook to stop the manager where a process could die.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
