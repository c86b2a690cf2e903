using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Lifecycle;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>An operator action on a payment: its route, the event it raises and the statuses it is allowed in.</summary>
/// <param name="Route">The last route segment, e.g. <c>dispute</c>.</param>
/// <param name="EventName">The <see cref="PaymentEvents"/> name raised on the orchestration.</param>
/// <param name="AllowedIn">The statuses the action makes sense in; others get 409.</param>
internal sealed record PaymentAction(string Route, string EventName, IReadOnlyList<PaymentStatus> AllowedIn)
{
    public static readonly PaymentAction Dispute = new("dispute", PaymentEvents.Dispute, [PaymentStatus.InCustody]);

    public static readonly PaymentAction Release = new("release", PaymentEvents.ReleaseEarly, [PaymentStatus.InCustody]);

    public static readonly PaymentAction Cancel = new("cancel", PaymentEvents.Cancel, [PaymentStatus.InCustody, PaymentStatus.AwaitingApproval]);

    public static readonly PaymentAction Resume = new("resume", PaymentEvents.Resume, [PaymentStatus.OnHold]);

    public static readonly PaymentAction Resolve = new("resolve", PaymentEvents.Resolve, [PaymentStatus.Disputed]);

    public static IReadOnlyList<PaymentAction> All { get; } = [Dispute, Release, Cancel, Resume, Resolve];
}
