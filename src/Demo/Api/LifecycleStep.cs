namespace PaymentFunctions.Demo.Api;

/// <summary>The orchestration's custom status: which step of the lifecycle it is on.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="StepNumber">1-based.</param>
/// <param name="StepCount">Steps of the happy path.</param>
public sealed record LifecycleStep(string Step, int StepNumber, int StepCount);
