namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>A timer's recorded runs, shared by every app instance on the database (as Functions' schedule monitor).</summary>
/// <param name="Last">The occurrence of the last completed run.</param>
/// <param name="Next">The occurrence expected after it.</param>
/// <param name="LastUpdated">When the record was written.</param>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset? Next, DateTimeOffset LastUpdated);
