-- Tables of the shared Kafka library, in the service's own schema. A repeatable migration: Flyway re-runs it
-- when it changes, so every statement must be safe to run again.

-- Events waiting to be published: written in the transaction of their cause, deleted once acknowledged.
create table if not exists outbox (
    id          bigserial primary key,
    event_id    text        not null unique,
    topic       text        not null,
    record_key  text,
    headers     jsonb       not null,
    payload     bytea       not null,
    created_at  timestamptz not null default now()
);
create index if not exists outbox_created_at on outbox (created_at);

-- Consumed events (CloudEvents source and id): a redelivery has no second effect.
create table if not exists processed_events (
    source        text        not null,
    event_id      text        not null,
    topic         text        not null,
    processed_at  timestamptz not null default now(),
    primary key (source, event_id)
);
create index if not exists processed_events_processed_at on processed_events (processed_at);

-- Dead letters replayed through POST /dlt/replay: each is replayed once.
create table if not exists dead_letter_replays (
    dlt_topic      text        not null,
    dlt_partition  integer     not null,
    dlt_offset     bigint      not null,
    replayed_at    timestamptz not null default now(),
    replayed_by    text,
    replay_offset  bigint,
    primary key (dlt_topic, dlt_partition, dlt_offset)
);

-- Events the broker refuses for good (too large, invalid topic) are parked, not retried.
alter table outbox add column if not exists parked_at timestamptz;
alter table outbox add column if not exists error text;

-- Outbox payloads live for milliseconds and the producer compresses them anyway: no pglz on the way through.
alter table outbox alter column payload set storage external;
