-- The excerpt is written once and rarely read: store it out of line without pglz compression, which cost more
-- CPU per insert than the disk it saved (logs are ~4 KiB; see docs/classifier.md, "Speed").
alter table classifications alter column log_excerpt set storage external;
