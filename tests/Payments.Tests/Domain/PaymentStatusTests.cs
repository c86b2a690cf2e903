using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Tests.Domain;

public sealed class PaymentStatusTests
{
    [Theory]
    [InlineData(PaymentStatus.Completed, true)]
    [InlineData(PaymentStatus.Expired, true)]
    [InlineData(PaymentStatus.Refunded, true)]
    [InlineData(PaymentStatus.Failed, true)]
    [InlineData(PaymentStatus.AwaitingDeposit, false)]
    [InlineData(PaymentStatus.Funding, false)]
    [InlineData(PaymentStatus.InCustody, false)]
    [InlineData(PaymentStatus.Disputed, false)]
    [InlineData(PaymentStatus.AwaitingApproval, false)]
    [InlineData(PaymentStatus.Releasing, false)]
    [InlineData(PaymentStatus.PayingOut, false)]
    [InlineData(PaymentStatus.OnHold, false)]
    [InlineData(PaymentStatus.Refunding, false)]
    public void Only_completed_expired_refunded_and_failed_are_terminal(PaymentStatus status, bool terminal)
    {
        Assert.Equal(terminal, status.IsTerminal());
        Assert.Equal(terminal, PaymentStatusExtensions.Terminal.Contains(status));
    }

    [Fact]
    public void Every_status_is_classified()
    {
        Assert.Equal(13, Enum.GetValues<PaymentStatus>().Length);
        Assert.Equal(4, Enum.GetValues<PaymentStatus>().Count(s => s.IsTerminal()));
    }
}
