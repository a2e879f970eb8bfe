"""The conversation: a validated call executed against the calendar, asked back, confirmed, undone, and replied to.

Nothing is imported here: a light module of the part must not pay for a heavy one."""
