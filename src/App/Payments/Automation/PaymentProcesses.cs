namespace PaymentFunctions.App.Payments.Automation;

/// <summary>The names of the payment processes and of the timer functions that run them.</summary>
public static class PaymentProcesses
{
    /// <summary>Deposit detection.</summary>
    public const string Deposits = "deposits";

    /// <summary>Custody report.</summary>
    public const string Custody = "custody";

    /// <summary>Blockchain sync.</summary>
    public const string Sync = "sync";

    /// <summary>Stuck-payment detection.</summary>
    public const string Stuck = "stuck";

    /// <summary>Every process, in the order the status endpoint lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Deposits, Custody, Sync, Stuck];

    /// <summary>The timer function running <paramref name="process"/>, e.g. <c>PaymentDeposits</c>.</summary>
    public static string TimerName(string process) =>
        "Payment" + char.ToUpperInvariant(process[0]) + process[1..];
}
