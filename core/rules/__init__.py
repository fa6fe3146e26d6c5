"""Rules derived from the records: rate lines, calls, follow-ups, escalation, plan adherence."""
