-- Version 1: the task hub tables. Every key starts with the hub, so hubs sharing a database never meet.
-- Times are UTC ticks (100 ns, as .NET's DateTime.Ticks): timestamptz keeps only microseconds, and a scheduled
-- start time, a timer or a query bound must round-trip exactly. 0 means "at once" for visibility and leases.
-- Instance ids sort ordinally (COLLATE "C"), as the continuation tokens of queries expect.

CREATE TABLE __schema__.instances (
    hub                 text    NOT NULL,
    instance_id         text    COLLATE "C" NOT NULL,
    execution_id        text,
    name                text    NOT NULL,
    version             text,
    -- DTFx's OrchestrationStatus number.
    status              integer NOT NULL,
    created_at          bigint  NOT NULL,
    last_updated_at     bigint  NOT NULL,
    completed_at        bigint,
    scheduled_start_at  bigint,
    input               text,
    output              text,
    custom_status       text,
    -- DTFx's own objects as JSON (JsonDataConverter), so reads return them unchanged.
    failure_details     text,
    tags                text,
    parent_instance     text,
    -- The lease of the worker running an episode: its token and when it runs out.
    lock_token          uuid,
    locked_until        bigint  NOT NULL DEFAULT 0,
    -- Hand-outs since the last completed episode: the poison counter.
    dequeue_count       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (hub, instance_id)
);

-- Queries and purges page by creation time, then instance id.
CREATE INDEX instances_created ON __schema__.instances (hub, created_at, instance_id);

CREATE TABLE __schema__.history (
    hub             text    NOT NULL,
    instance_id     text    COLLATE "C" NOT NULL,
    execution_id    text    NOT NULL,
    sequence_number integer NOT NULL,
    event_type      integer NOT NULL,
    -- A DTFx HistoryEvent serialized by JsonDataConverter (type names included).
    event           text    NOT NULL,
    -- A duplicate key means another worker already committed the episode.
    PRIMARY KEY (hub, instance_id, execution_id, sequence_number),
    FOREIGN KEY (hub, instance_id) REFERENCES __schema__.instances ON DELETE CASCADE
);

-- Messages for orchestrations: events, responses, timers (visible_at in the future), starts.
CREATE TABLE __schema__.messages (
    id           bigserial PRIMARY KEY,
    hub          text    NOT NULL,
    instance_id  text    COLLATE "C" NOT NULL,
    execution_id text,
    event_type   integer NOT NULL,
    visible_at   bigint  NOT NULL,
    -- A DTFx TaskMessage serialized by JsonDataConverter.
    message      text    NOT NULL,
    FOREIGN KEY (hub, instance_id) REFERENCES __schema__.instances ON DELETE CASCADE
);

CREATE INDEX messages_queue ON __schema__.messages (hub, id);
CREATE INDEX messages_instance ON __schema__.messages (hub, instance_id, id);
CREATE INDEX messages_visible ON __schema__.messages (hub, visible_at);

-- Activity tasks, each with its own lease.
CREATE TABLE __schema__.tasks (
    id            bigserial PRIMARY KEY,
    hub           text    NOT NULL,
    instance_id   text    COLLATE "C" NOT NULL,
    execution_id  text,
    message       text    NOT NULL,
    lock_token    uuid,
    locked_until  bigint  NOT NULL DEFAULT 0,
    dequeue_count integer NOT NULL DEFAULT 0,
    FOREIGN KEY (hub, instance_id) REFERENCES __schema__.instances ON DELETE CASCADE
);

CREATE INDEX tasks_queue ON __schema__.tasks (hub, id);
CREATE INDEX tasks_instance ON __schema__.tasks (hub, instance_id);

-- The queue tables churn all the time: vacuum and analyze them early.
ALTER TABLE __schema__.messages SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
ALTER TABLE __schema__.tasks SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);

-- Aborts the statement's (implicit) transaction when a lease check matched no row, so a whole checkpoint can be
-- sent as one batch and still commit nothing when the lease was lost.
CREATE FUNCTION __schema__.assert_lease_held(matched bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF matched = 0 THEN
        RAISE EXCEPTION 'the lease on the work item was lost' USING ERRCODE = 'DT001';
    END IF;
END
$$;
