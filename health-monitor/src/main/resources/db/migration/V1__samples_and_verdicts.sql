-- Every health sample received (by its CloudEvent id).
create table samples (
    event_id       text primary key,
    service        text        not null,
    environment    text        not null,
    version        text,
    deployment_id  text,
    stage          text,
    track          text,
    sampled_at     timestamptz not null,
    requests       bigint,
    errors         bigint,
    error_rate     double precision,
    availability   double precision,
    latency_p95_ms double precision,
    status         text,
    source         text
);
create index samples_release on samples (service, environment, version, sampled_at);

-- The latest verdict of each release: the previous verdict of the next one.
create table release_verdicts (
    service      text        not null,
    environment  text        not null,
    version      text        not null,
    verdict      text        not null,
    decided_at   timestamptz not null,
    primary key (service, environment, version)
);
