using PaymentFunctions.Demo.Api;
using Spectre.Console;

namespace PaymentFunctions.Demo;

/// <summary>
/// Follows one payment through its lifecycle: each new timeline line as it appears, and the orchestration's step as
/// a progress bar (on a terminal) or as a line per step (when the output is redirected).
/// </summary>
internal static class PaymentWatch
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls until the payment is at rest or <paramref name="timeout"/> passes; returns the last snapshot read.</summary>
    public static async Task<PaymentSnapshot> FollowAsync(PaymentsApi api, PaymentSnapshot created, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            LifecycleStep? shownStep = null;
            return await PollAsync(api, created, timeout, step =>
            {
                if (step != shownStep)
                {
                    AnsiConsole.MarkupLineInterpolated($"  [blue]step {step.StepNumber}/{step.StepCount}[/] {step.Step}");
                    shownStep = step;
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        var last = created;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape(created.Status), maxValue: 8);
                last = await PollAsync(api, created, timeout, step =>
                {
                    bar.MaxValue = step.StepCount;
                    bar.Value = Math.Min(step.StepNumber, step.StepCount);
                    bar.Description = Markup.Escape($"{step.StepNumber}/{step.StepCount} {step.Step}");
                }, cancellationToken).ConfigureAwait(false);
                bar.Description = Markup.Escape(last.Status);
                if (last.Status == "Completed")
                {
                    bar.Value = bar.MaxValue;
                }

                bar.StopTask();
            }).ConfigureAwait(false);
        return last;
    }

    private static async Task<PaymentSnapshot> PollAsync(PaymentsApi api, PaymentSnapshot created, TimeSpan timeout, Action<LifecycleStep> onStep, CancellationToken cancellationToken)
    {
        var last = created;
        var shown = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                try
                {
                    last = await api.GetAsync(created.Id, deadline.Token).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    // A busy or restarting app: the next poll catches up.
                }

                foreach (var entry in last.Timeline?.Skip(shown) ?? [])
                {
                    AnsiConsole.MarkupLineInterpolated($"  [grey]{entry.OccurredAt:HH:mm:ss.fff}[/] [aqua]{entry.Kind,-20}[/] {entry.Text}");
                    shown++;
                }

                if (last.Orchestration?.Step is { } step)
                {
                    onStep(step);
                }

                if (last.IsAtRest)
                {
                    return last;
                }

                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Out of time: the caller reports where the payment got to.
            return last;
        }
    }
}
