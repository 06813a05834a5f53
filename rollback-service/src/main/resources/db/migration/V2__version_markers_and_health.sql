-- What each service ran and when: the versions a rollback can return to.
create table version_markers (
    service        text        not null,
    environment    text        not null,
    version        text        not null,
    marker         text        not null check (marker in ('deployed', 'stable', 'restored')),
    deployment_id  text,
    marked_at      timestamptz not null,
    primary key (service, environment, version, marker)
);
create index version_markers_latest on version_markers (service, environment, marker, marked_at desc);

-- The latest verdict on each release, for gating rollouts and verifying rollbacks.
create table release_health (
    service      text        not null,
    environment  text        not null,
    version      text        not null,
    verdict      text        not null,
    decided_at   timestamptz not null,
    primary key (service, environment, version)
);
