namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>What a timer function learns about its invocation, as Functions' <c>TimerInfo</c>.</summary>
/// <param name="ScheduleStatus">The recorded status before this run; null on the first run.</param>
/// <param name="IsPastDue">True when this run is late: it catches up an occurrence missed while no app instance ran.</param>
/// <param name="Occurrence">The scheduled time this run stands for (the start time for start-up and manual runs).</param>
public sealed record TimerInfo(ScheduleStatus? ScheduleStatus, bool IsPastDue, DateTimeOffset Occurrence);
