"""The function schema, the words for dates and times, and the resolver: what every other part imports.

Nothing is imported here: a light module of the part must not pay for a heavy one."""
