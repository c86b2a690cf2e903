using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.EndToEnd.Tests.Lifecycle;

/// <summary>The local stack and the app as its own process, with two approvers and quick payout retries.</summary>
public sealed class OperatorFixture : IAsyncLifetime
{
    public const string FunctionKey = "operator-e2e-key";
    public const string AnaKey = "approver-key-ana-0001";
    public const string LuisKey = "approver-key-luis-0002";

    public LocalPaymentStack Stack { get; private set; } = null!;

    public AppProcess App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        this.Stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);
        var options = AppProcessOptions.ForStack(this.Stack);
        this.App = await AppProcess.StartAsync(
            options with
            {
                FunctionKey = FunctionKey,
                Settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
                {
                    ["Payments:DoubleApprovalThresholdMxn"] = "1000",
                    ["Payments:Approvers:ana"] = AnaKey,
                    ["Payments:Approvers:luis"] = LuisKey,
                    ["Payments:Lifecycle:PayoutAttempts"] = "2",
                    ["Payments:Lifecycle:PayoutRetryInterval"] = "00:00:00.500",
                    ["Payments:Lifecycle:PollInterval"] = "00:00:00.200",
                },
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await this.App.DisposeAsync();
        await this.Stack.DisposeAsync();
    }
}
