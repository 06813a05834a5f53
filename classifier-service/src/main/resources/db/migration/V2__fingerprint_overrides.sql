-- Operators mark a failure group transient or permanent; the mark wins over the rules.
create table fingerprint_overrides (
    fingerprint  text primary key,
    transient    boolean     not null,
    reason       text        not null,
    set_by       text        not null,
    set_at       timestamptz not null
);
