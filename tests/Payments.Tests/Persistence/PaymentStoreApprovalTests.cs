using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

public sealed class PaymentStoreApprovalTests(PaymentsDatabaseFixture db) : IClassFixture<PaymentsDatabaseFixture>
{
    private readonly PaymentStore store = db.Store;

    [Fact]
    public async Task Approvals_count_distinct_approvers_and_a_repeat_changes_nothing()
    {
        var id = await this.CreateAsync(requiredApprovals: 2);

        var alice = await this.store.ApproveAsync(id, "alice", CancellationToken.None);
        var aliceAgain = await this.store.ApproveAsync(id, " alice ", CancellationToken.None);
        var bob = await this.store.ApproveAsync(id, "bob", CancellationToken.None);

        Assert.Equal(new ApprovalResult(ApprovalOutcome.Recorded, 1, 2), alice);
        Assert.False(alice.IsComplete);
        Assert.Equal(new ApprovalResult(ApprovalOutcome.AlreadyApprovedByThisApprover, 1, 2), aliceAgain);
        Assert.Equal(new ApprovalResult(ApprovalOutcome.Recorded, 2, 2), bob);
        Assert.True(bob.IsComplete);
        var payment = await this.store.FindAsync(id, CancellationToken.None);
        Assert.Equal(["alice", "bob"], payment!.Approvals.Select(a => a.Approver));
        var approved = payment.Timeline.Where(e => e.Kind == TimelineEventKind.Approved).ToList();
        Assert.Equal(2, approved.Count);
        Assert.Equal(["alice", "bob"], approved.Select(e => e.Data[TimelineData.Actor]));
        Assert.Equal(["1", "2"], approved.Select(e => e.Data[TimelineData.Count]));
        Assert.Equal(2, await this.store.CountApprovalsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Approval_of_an_unknown_payment_is_not_found()
    {
        Assert.Equal(ApprovalOutcome.NotFound, (await this.store.ApproveAsync(PaymentId.New(), "alice", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Approval_of_a_terminal_payment_is_refused()
    {
        var id = await this.CreateAsync(requiredApprovals: 1);
        await this.store.SetStatusAsync(id, PaymentStatus.Refunded, null, CancellationToken.None);

        var result = await this.store.ApproveAsync(id, "alice", CancellationToken.None);

        Assert.Equal(new ApprovalResult(ApprovalOutcome.NotApprovable, 0, 1), result);
        Assert.Empty((await this.store.FindAsync(id, CancellationToken.None))!.Approvals);
    }

    [Fact]
    public async Task Concurrent_approvers_each_see_the_others()
    {
        var id = await this.CreateAsync(requiredApprovals: 4);
        var approvers = new[] { "a", "b", "c", "d" };

        var results = await Task.WhenAll(approvers.Select(a => Task.Run(() => this.store.ApproveAsync(id, a, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(ApprovalOutcome.Recorded, r.Outcome));
        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Count).Order());
    }

    private Task<string> CreateAsync(int requiredApprovals) => db.CreatePaymentAsync(requiredApprovals: requiredApprovals);
}
