-- One alert per escalation (by escalation id): a redelivered or re-raised escalation alerts once.
create table alerts (
    escalation_id  text primary key,
    event_id       text        not null,
    fingerprint    text        not null,
    severity       text        not null,
    reason         text        not null,
    service        text        not null,
    environment    text        not null,
    title          text        not null,
    summary        text,
    occurrences    integer     not null,
    received_at    timestamptz not null,
    escalation     jsonb       not null
);
create index alerts_fingerprint on alerts (fingerprint, received_at);
