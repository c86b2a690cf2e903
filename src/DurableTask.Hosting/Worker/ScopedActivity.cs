using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace PaymentFunctions.DurableTask.Hosting.Worker;

/// <summary>
/// One activity execution in its own DI scope, so scoped services (a DbContext, say) live exactly as long as the
/// call and are disposed even when it fails.
/// </summary>
internal sealed class ScopedActivity(
    TaskName name, Func<IServiceProvider, ITaskActivity> factory, IServiceProvider services, DurableTaskShimFactory shims)
    : TaskActivity
{
    public override string Run(TaskContext context, string input)
        => throw new NotSupportedException("Activities run asynchronously.");

    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        await using var scope = services.CreateAsyncScope();
        var activity = factory(scope.ServiceProvider);
        return await shims.CreateActivity(name, activity).RunAsync(context, input);
    }
}
