"""Speech: recording, Whisper transcription, piper/espeak-ng replies, and the voice loop that joins them.

Nothing is imported here: a light module of the part must not pay for a heavy one."""
