-- Version 2: a ready queue on the instances, so picking the next orchestration is one index probe instead of a walk
-- over the queued messages in order that skips those of leased instances.
-- ready_at is when the instance can next be handed out, in ticks: the earliest message it may take (for a Pending
-- instance only its start), not before the time it became ready (so ready instances are picked first come, first
-- served) nor before its lease runs out. NULL when it has no message to take. Whatever adds a message lowers it;
-- whatever consumes messages or releases a lease recomputes it in a statement of its own after locking the row, so it
-- sees every message committed before it and a concurrent sender, queued behind the row lock, lowers it afterwards.
ALTER TABLE __schema__.instances ADD COLUMN ready_at bigint;

-- 6 is OrchestrationStatus.Pending, 0 is EventType.ExecutionStarted.
UPDATE __schema__.instances i
SET ready_at = (
    SELECT greatest(min(m.visible_at), i.locked_until)
    FROM __schema__.messages m
    WHERE m.hub = i.hub AND m.instance_id = i.instance_id AND (i.status <> 6 OR m.event_type = 0)
    HAVING count(*) > 0);

CREATE INDEX instances_ready ON __schema__.instances (hub, ready_at) WHERE ready_at IS NOT NULL;

-- Nothing walks the messages in order or by visibility any more; each index less is a write less per message.
DROP INDEX __schema__.messages_queue;
DROP INDEX __schema__.messages_visible;

-- Every message now updates its instance's row: vacuum and analyze the instances early too.
ALTER TABLE __schema__.instances SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
