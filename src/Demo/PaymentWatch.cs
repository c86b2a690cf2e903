using PaymentFunctions.Demo.Api;
using Spectre.Console;

namespace PaymentFunctions.Demo;

/// <summary>Follows one payment through its lifecycle: a progress bar for the orchestration's step and each new timeline line as it appears.</summary>
internal static class PaymentWatch
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls until the payment is terminal or <paramref name="timeout"/> passes; returns the last snapshot read.</summary>
    public static async Task<PaymentSnapshot> FollowAsync(PaymentsApi api, PaymentSnapshot created, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var last = created;
        var shown = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape(created.Status), maxValue: 8);
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
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    foreach (var entry in last.Timeline?.Skip(shown) ?? [])
                    {
                        AnsiConsole.MarkupLineInterpolated($"  [grey]{entry.OccurredAt:HH:mm:ss.fff}[/] [aqua]{entry.Kind,-20}[/] {entry.Text}");
                        shown++;
                    }

                    if (last.Orchestration?.Step is { } step)
                    {
                        bar.MaxValue = step.StepCount;
                        bar.Value = Math.Min(step.StepNumber, step.StepCount);
                        bar.Description = Markup.Escape($"{step.StepNumber}/{step.StepCount} {step.Step}");
                    }

                    if (last.IsTerminal)
                    {
                        bar.Description = Markup.Escape(last.Status);
                        if (last.Status == "Completed")
                        {
                            bar.Value = bar.MaxValue;
                        }

                        bar.StopTask();
                        return;
                    }

                    try
                    {
                        await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }).ConfigureAwait(false);
        return last;
    }
}
