"""Reports and shareable plans (masked PDF, calendar); filled by a later issue."""
