-- The releases the monitor watches, as the deployment stream tells them.
create table releases (
    service        text        not null,
    environment    text        not null,
    version        text        not null,
    deployment_id  text,
    strategy       text,
    status         text        not null check (status in ('deploying', 'live', 'failed', 'stable', 'restored')),
    updated_at     timestamptz not null,
    primary key (service, environment, version)
);
