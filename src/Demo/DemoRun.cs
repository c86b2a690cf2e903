using System.Diagnostics;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Demo.Api;
using Spectre.Console;

namespace PaymentFunctions.Demo;

/// <summary>
/// The demo itself: stack and app up, one payment with ten seconds of custody from the buyer's SPEI deposit to the
/// seller's payout, a summary, then the app stays up for the user until Ctrl+C.
/// </summary>
internal static class DemoRun
{
    private static readonly TimeSpan Custody = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LifecycleTimeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(DemoArguments arguments, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var progress = new ConsoleProgress();
        AnsiConsole.Write(new Rule("[bold]PaymentFunctions[/] — escrow payment demo").LeftJustified());
        var dataDirectory = Path.Combine(Directory.GetCurrentDirectory(), ".localstack");
        await using var run = await LocalRun.StartAsync(new Uri($"http://127.0.0.1:{arguments.Port}"), arguments.Language, dataDirectory, progress, null, arguments.Backend, cancellationToken);

        AnsiConsole.Write(new Rule("[bold]one payment, end to end[/]").LeftJustified());
        var now = DateTimeOffset.UtcNow;
        var created = await run.Api.CreateAsync(DemoParties.Payment(arguments.Amount, now, Custody), cancellationToken);
        var lifecycle = Stopwatch.StartNew();
        var payment = created.Payment;
        progress.Report($"POST /api/payments → 201 {payment.Id}: {Mxn.Of(payment.Amount)} MXN, deposit CLABE {ClabeMask.Mask(payment.DepositClabe)}, custody {Custody.TotalSeconds:0} s");

        run.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.DepositClabe), Mxn.Of(payment.Amount), DemoParties.BuyerName);
        progress.Report($"buyer's SPEI deposit of {Mxn.Of(payment.Amount)} MXN sent to {ClabeMask.Mask(payment.DepositClabe)}");
        var detection = await run.Api.TriggerAsync("deposits", cancellationToken);
        progress.Report($"POST /api/automation/trigger deposits → {detection.Summary}");

        using (var approvals = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var approving = DemoApprovals.ApproveWhenAskedAsync(run, payment.Id, progress, approvals.Token);
            payment = await PaymentWatch.FollowAsync(run.Api, payment, LifecycleTimeout, cancellationToken);
            await approvals.CancelAsync();
            try
            {
                await approving;
            }
            catch (OperationCanceledException) when (approvals.IsCancellationRequested)
            {
                // The payment came to rest first (below the threshold nobody is asked).
            }
        }

        lifecycle.Stop();
        await DemoSummary.PrintAsync(run, payment, lifecycle.Elapsed, total.Elapsed, cancellationToken);
        if (!payment.IsAtRest)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The payment was still {payment.Status} after {LifecycleTimeout.TotalMinutes:0} minutes; see {Path.Combine(".localstack", "app.log")}.[/]");
        }

        var succeeded = payment.Status == "Completed";
        ApiGuide.Print(run, payment, created.CheckStatus);
        if (arguments.NoWait)
        {
            progress.Report("stopping (--no-wait)");
            return succeeded ? 0 : 1;
        }

        progress.Report("running; press Ctrl+C to stop the app and the stack");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            progress.Report("stopping the app and the stack");
        }

        await run.DisposeAsync();
        progress.Report("stopped");
        return succeeded ? 0 : 1;
    }
}
