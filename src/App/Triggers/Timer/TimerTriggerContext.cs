namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>One invocation of a timer function.</summary>
/// <param name="FunctionName">The timer's name.</param>
/// <param name="Timer">Schedule information for this run.</param>
/// <param name="Services">A scope that lives for this invocation.</param>
public sealed record TimerTriggerContext(string FunctionName, TimerInfo Timer, IServiceProvider Services);
