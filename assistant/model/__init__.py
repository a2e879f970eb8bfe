"""The tuned model: prompts and constrained decoding (no torch), the CPU runtime, the base checkpoint, the caller and
its saved form.

Nothing is imported here: a light module of the part must not pay for a heavy one."""
