-- A later success of the operation closes its retries.
alter table retries add column closed_at timestamptz;
alter table retries add column closed_by text;
