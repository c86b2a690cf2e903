namespace PaymentFunctions.App.Payments.Automation;

/// <summary>One payment automation process: run by its timer on schedule, or by an operator through the API.</summary>
public interface IPaymentProcess
{
    /// <summary>The process name the API uses (<c>deposits</c>, <c>custody</c>, <c>sync</c>, <c>stuck</c>).</summary>
    string Name { get; }

    /// <summary>Does one pass and says what it found.</summary>
    Task<ProcessOutcome> RunAsync(CancellationToken cancellationToken);
}
