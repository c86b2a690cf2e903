namespace PaymentFunctions.Durable.Worker;

internal sealed class ActivityContext(string name, string instanceId, int taskId, int generation) : TaskActivityContext
{
    public override string Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public override int TaskId { get; } = taskId;

    public override string IdempotencyKey
        => generation == 0 ? $"{this.InstanceId}:{this.TaskId}" : $"{this.InstanceId}:g{generation}:{this.TaskId}";
}
