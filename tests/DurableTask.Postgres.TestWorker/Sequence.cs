using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.TestWorker;

/// <summary>Runs the steps one after the other and returns their results joined by commas.</summary>
internal sealed class Sequence : TaskOrchestration<string, SequenceInput>
{
    public override async Task<string> RunTask(OrchestrationContext context, SequenceInput input)
    {
        var results = new List<string>();
        for (var step = 0; step < input.Steps; step++)
        {
            var sleep = step == input.SleepingStep ? input.SleepMilliseconds : 0;
            results.Add(await context.ScheduleTask<string>(WorkerContract.StepName, "", new StepInput { Step = step, SleepMilliseconds = sleep }));
        }

        return string.Join(',', results);
    }
}

/// <summary>Records its run in the journal, sleeps when its input asks, and returns its step's result.</summary>
internal sealed class Step(Journal journal) : AsyncTaskActivity<StepInput, string>
{
    protected override async Task<string> ExecuteAsync(TaskContext context, StepInput input)
    {
        var instanceId = context.OrchestrationInstance.InstanceId;
        var row = await journal.StepStartedAsync(instanceId, input.Step);
        if (input.SleepMilliseconds > 0)
        {
            await Task.Delay(input.SleepMilliseconds);
        }

        await journal.StepFinishedAsync(row);
        return WorkerContract.StepResult(instanceId, input.Step);
    }
}
