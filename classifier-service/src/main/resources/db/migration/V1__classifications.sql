-- One row per classified error event (by its CloudEvent id); the redacted log excerpt is kept for people.
create table classifications (
    event_id       text primary key,
    operation_id   text        not null,
    service        text        not null,
    environment    text        not null,
    pipeline       text,
    step           text,
    attempt        integer     not null,
    category       text        not null,
    transient      boolean     not null,
    severity       text        not null,
    confidence     double precision not null,
    action         text        not null,
    rule_id        text        not null,
    fingerprint    text        not null,
    target         text,
    evidence       jsonb       not null,
    log_excerpt    text,
    log_truncated  boolean     not null,
    occurred_at    timestamptz not null,
    classified_at  timestamptz not null,
    classification jsonb       not null
);
create index classifications_fingerprint on classifications (fingerprint, classified_at);
create index classifications_classified_at on classifications (classified_at);
create index classifications_service on classifications (service, environment, classified_at);
