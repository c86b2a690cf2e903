using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments.Automation;

/// <summary>
/// The custody timer: reports payments in custody whose custody end has passed but that are not released yet.
/// The orchestrations' durable timers do the releasing; this only makes a late one visible.
/// </summary>
public sealed partial class CustodyReport(PaymentStore store, TimeProvider time, ILogger<CustodyReport> logger) : IPaymentProcess
{
    private const int MaxPayments = 1000;

    /// <inheritdoc />
    public string Name => PaymentProcesses.Custody;

    /// <inheritdoc />
    public async Task<ProcessOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inCustody = await store.ListAsync(PaymentStatus.InCustody, MaxPayments, cancellationToken);
        var overdue = inCustody.Where(p => p.CustodyEnd < now).ToList();
        foreach (var payment in overdue)
        {
            LogOverdue(logger, payment.Id, payment.CustodyEnd);
        }

        return new ProcessOutcome(
            $"{overdue.Count} of {inCustody.Count} payments in custody are past their custody end",
            new Dictionary<string, int>(StringComparer.Ordinal) { ["inCustody"] = inCustody.Count, ["overdue"] = overdue.Count });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} is still in custody after its custody end {CustodyEnd:O}")]
    private static partial void LogOverdue(ILogger logger, string paymentId, DateTimeOffset custodyEnd);
}
