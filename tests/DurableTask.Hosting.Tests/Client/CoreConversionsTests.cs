using DurableTask.Core;
using Microsoft.DurableTask.Client;
using PaymentFunctions.DurableTask.Hosting.Client;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Client;

public sealed class CoreConversionsTests
{
    [Fact]
    public void Every_dtfx_status_maps_to_the_client_status_of_the_same_name()
    {
        foreach (var status in Enum.GetValues<OrchestrationStatus>())
        {
            Assert.Equal(status.ToString(), status.ToRuntimeStatus().ToString());
            Assert.Equal(status, status.ToRuntimeStatus().ToCore());
        }
    }

    [Fact]
    public void Dedupe_statuses_default_to_the_unfinished_ones_and_reject_unknown_names()
    {
        Assert.Equal(
            [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended],
            CoreConversions.ParseDedupeStatuses(null));
        Assert.Equal([OrchestrationStatus.Completed], CoreConversions.ParseDedupeStatuses(["completed"]));
        Assert.Throws<ArgumentException>(() => CoreConversions.ParseDedupeStatuses(["Paid"]));
    }

    [Fact]
    public void Failure_details_keep_their_inner_failure()
    {
        var details = new FailureDetails("Outer", "outer message", "at outer", new FailureDetails("Inner", "inner message", null, null, false), false);

        var converted = details.ToTaskFailureDetails()!;

        Assert.Equal(("Outer", "outer message"), (converted.ErrorType, converted.ErrorMessage));
        Assert.Equal("inner message", converted.InnerFailure!.ErrorMessage);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, OrchestrationStatus.Failed.ToRuntimeStatus());
    }
}
