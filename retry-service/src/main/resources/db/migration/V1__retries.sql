-- One row per retry request (by its CloudEvent id): what was decided for the failed attempt.
create table retries (
    request_event_id text primary key,
    operation_id     text        not null,
    service          text        not null,
    environment      text        not null,
    failed_attempt   integer     not null,
    next_attempt     integer,
    category         text        not null,
    target           text,
    fingerprint      text        not null,
    delay_ms         bigint,
    scheduled_for    timestamptz,
    outcome          text        not null check (outcome in ('scheduled', 'exhausted')),
    decided_at       timestamptz not null
);
create index retries_operation on retries (operation_id, failed_attempt);
