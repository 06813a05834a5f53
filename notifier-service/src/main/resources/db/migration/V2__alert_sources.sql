-- Alerts are raised by escalations, verdicts and rollback outcomes; `escalation` holds the raising event.
comment on column alerts.escalation_id is 'the alert id: the escalation id, or derived from the raising event';
comment on column alerts.escalation is 'the data of the event that raised the alert';
