namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

/// <summary>Every test orchestration and activity, registered on every test worker.</summary>
internal static class Registry
{
    public static readonly Type[] Orchestrations =
    [
        typeof(GreetTwice), typeof(SleepThenReturn), typeof(AwaitApproval), typeof(CallChild), typeof(CountUp),
        typeof(ReportProgress), typeof(CallFlaky), typeof(EchoThrough),
    ];

    public static readonly Type[] Activities = [typeof(Greet), typeof(Flaky), typeof(Echo)];
}
