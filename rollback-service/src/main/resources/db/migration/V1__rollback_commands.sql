-- Every rollback command received; the primary key makes a command run at most once.
create table rollback_commands (
    command_id      text primary key,
    event_id        text        not null,
    service         text        not null,
    environment     text        not null,
    reason          text        not null,
    deployment_id   text,
    from_version    text,
    target_version  text,
    requested_by    text,
    dry_run         boolean     not null,
    force           boolean     not null,
    status          text        not null check (status in ('planned', 'failed', 'running', 'succeeded')),
    detail          text,
    received_at     timestamptz not null
);
create index rollback_commands_service on rollback_commands (service, environment, received_at);
