"""The calendar: CalDAV through caldav + icalendar, the embedded Radicale, the outbox of creates waiting for a server.

Nothing is imported here: a light module of the part must not pay for a heavy one."""
