using Microsoft.DurableTask;

namespace PaymentFunctions.Benchmarks.Durable.Workloads;

/// <summary>The classic Durable Functions benchmark shape: five activities, one after the other.</summary>
internal sealed class HelloSequence5 : TaskOrchestrator<string, string>
{
    public const string Name = nameof(HelloSequence5);
    public const string SayHello = nameof(SayHello);

    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Lima", "Mexico City"];

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var greetings = new List<string>(Cities.Length);
        foreach (var city in Cities)
        {
            greetings.Add(await context.CallActivityAsync<string>(SayHello, city));
        }

        return string.Join(" ", greetings);
    }
}
