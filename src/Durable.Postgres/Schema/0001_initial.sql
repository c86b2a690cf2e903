-- Version 1: the task hub tables. Every key starts with the hub, so hubs sharing a database never meet.
-- Instance ids sort ordinally (COLLATE "C"), as the in-memory store and the continuation tokens expect.
-- Instance times and visibility times are UTC ticks (100 ns, as .NET's DateTimeOffset.UtcTicks): timestamptz
-- keeps only microseconds, and a scheduled start time or a query bound must round-trip exactly.

CREATE TABLE durable.instances (
    hub                  text        NOT NULL,
    instance_id          text        COLLATE "C" NOT NULL,
    execution_id         text        NOT NULL,
    name                 text        NOT NULL,
    version              text,
    status               integer     NOT NULL,
    created_at           bigint      NOT NULL,
    last_updated_at      bigint      NOT NULL,
    completed_at         bigint,
    scheduled_start_time bigint,
    input                text,
    output               text,
    custom_status        text,
    failure_details      jsonb,
    tags                 jsonb,
    parent_instance_id   text,
    lock_token           text,
    locked_until         timestamptz NOT NULL DEFAULT '-infinity',
    dequeue_count        integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (hub, instance_id)
);

-- Queries and purges page by creation time. The hub is left out on purpose: with it, the planner (working
-- from the stale statistics of these busy tables) may take this index for primary-key lookups.
CREATE INDEX instances_created ON durable.instances (created_at, instance_id);

CREATE TABLE durable.history (
    hub             text    NOT NULL,
    instance_id     text    COLLATE "C" NOT NULL,
    execution_id    text    NOT NULL,
    sequence_number integer NOT NULL,
    event           jsonb   NOT NULL,
    -- A duplicate key means another worker already committed the episode.
    PRIMARY KEY (hub, instance_id, execution_id, sequence_number)
);

CREATE TABLE durable.new_events (
    id                  bigserial   PRIMARY KEY,
    hub                 text        NOT NULL,
    instance_id         text        COLLATE "C" NOT NULL,
    event               jsonb       NOT NULL,
    -- The EventType number, so the dequeue can tell starts and terminations apart without parsing JSON.
    event_type          integer     NOT NULL,
    -- UTC ticks; 0 when visible at once.
    visible_at          bigint      NOT NULL,
    target_execution_id text,
    created_at          timestamptz NOT NULL
);

-- Per-instance FIFO, and the dequeue's scan of what is visible now (and the next timer for wake-ups).
CREATE INDEX new_events_instance ON durable.new_events (hub, instance_id, id);
CREATE INDEX new_events_visible ON durable.new_events (hub, visible_at);

CREATE TABLE durable.new_tasks (
    id            bigserial   PRIMARY KEY,
    hub           text        NOT NULL,
    instance_id   text        COLLATE "C" NOT NULL,
    execution_id  text        NOT NULL,
    generation    integer     NOT NULL,
    event         jsonb       NOT NULL,
    lock_token    text,
    locked_until  timestamptz NOT NULL DEFAULT '-infinity',
    dequeue_count integer     NOT NULL DEFAULT 0
);

CREATE INDEX new_tasks_queue ON durable.new_tasks (hub, id);
CREATE INDEX new_tasks_instance ON durable.new_tasks (hub, instance_id);

-- The queue tables churn all the time: vacuum and analyze them early, so dead rows and stale statistics do not
-- pile up between autovacuum's default thresholds.
ALTER TABLE durable.new_events SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
ALTER TABLE durable.new_tasks SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
ALTER TABLE durable.instances SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);

-- Aborts the statement's (implicit) transaction when a checkpoint's lease check matched no row, so a whole
-- checkpoint can be sent as one batch and still commit nothing when the lease was lost.
CREATE FUNCTION durable.assert_lease_held(matched bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF matched = 0 THEN
        RAISE EXCEPTION 'the lease on the instance was lost' USING ERRCODE = 'DT001';
    END IF;
END
$$;
