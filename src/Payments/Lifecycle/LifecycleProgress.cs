namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>The orchestration's custom status: the step it is on, for the monitor and the demo.</summary>
public sealed record LifecycleProgress(string Step, int StepNumber, int StepCount = LifecycleProgress.Steps)
{
    /// <summary>Steps of the happy path, deposit to completion.</summary>
    public const int Steps = 8;
}
