using PaymentFunctions.Demo.Api;

namespace PaymentFunctions.Demo;

/// <summary>
/// Plays the two approvers: once the payment waits for approvals (above the double-approval threshold), each
/// approver approves through the API with its own key, as an operator would with the printed curl line.
/// </summary>
internal static class DemoApprovals
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task ApproveWhenAskedAsync(LocalRun run, string paymentId, IProgress<string> progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            PaymentSnapshot payment;
            try
            {
                payment = await run.Api.GetAsync(paymentId, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (payment.IsAtRest)
            {
                return;
            }

            if (payment.Status == "AwaitingApproval")
            {
                foreach (var (approver, key) in run.Keys.Approvers)
                {
                    var approval = await run.Api.ApproveAsync(paymentId, key, cancellationToken).ConfigureAwait(false);
                    progress.Report($"POST /api/payments/{paymentId}/approve as {approver} → 200 ({approval.Approvals} of {approval.Required})");
                }

                return;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
