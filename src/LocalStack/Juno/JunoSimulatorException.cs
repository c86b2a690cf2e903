namespace PaymentFunctions.LocalStack.Juno;

/// <summary>An error the simulator reports in Juno's envelope (<c>{"success":false,"error":{code,message}}</c>).</summary>
internal sealed class JunoSimulatorException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
