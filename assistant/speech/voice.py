"""The voice front end: microphone -> Transcript, and Outcome text -> speech, with models loaded once.

``listen_file`` runs one recorded utterance through the whole pipeline (what `python -m assistant listen`
does): transcript + language, call, calendar result, and the spoken reply.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.settings import SpeechSettings
from assistant.speech.audio import AudioUnavailable, Player, Recorder, audio_problem
from assistant.speech.stt import SttConfig, Transcriber, Transcript
from assistant.speech.tts import Speaker, Speech

__all__ = ["Heard", "Listened", "Voice", "listen_file"]


class Voice:
    """Listening and speaking for the TUI; heavy models load on first use, in the caller's worker thread."""

    def __init__(
        self,
        settings: SpeechSettings | None = None,
        transcriber: Transcriber | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        self.settings = settings or SpeechSettings()
        self._transcriber = transcriber
        self._speaker = speaker
        self.recorder = Recorder()
        self.player = Player()
        self._load_lock = threading.Lock()

    def reconfigure(self, settings: SpeechSettings) -> None:
        """New settings from the settings screen: models that changed load again on next use."""
        with self._load_lock:
            if settings.whisper_model != self.settings.whisper_model:
                self._transcriber = None
            if settings.german_voice != self.settings.german_voice:
                self._speaker = None
            self.settings = settings

    @property
    def transcriber(self) -> Transcriber:
        with self._load_lock:
            if self._transcriber is None:
                self._transcriber = Transcriber.load(SttConfig(model=self.settings.whisper_model))
            return self._transcriber

    @property
    def speaker(self) -> Speaker:
        if self._speaker is None:
            self._speaker = Speaker(german_voice=self.settings.german_voice)
        return self._speaker

    def problem(self) -> str:
        return audio_problem("input")

    def record(self, level: Callable[[float], None] | None = None) -> np.ndarray:
        self.player.stop()  # the user talks: stop speaking
        return self.recorder.record(level)

    def stop_listening(self) -> None:
        self.recorder.stop()

    def transcribe(self, audio: np.ndarray | str | Path) -> Transcript:
        return self.transcriber.transcribe(audio)

    def listen(
        self,
        level: Callable[[float], None] | None = None,
        blocks: Iterable[np.ndarray] | None = None,
        ended: Callable[[], None] | None = None,
    ) -> Listened:
        """Record one utterance (from the microphone, or from ``blocks`` as they come) and transcribe it,
        starting ahead at every pause: when the pause turns out to be the end (no speech after it), that
        transcription is the utterance's, and at the end of the recording only what is left of it is waited
        for, not a whole transcription (Whisper base: about 0.9 s here, which the 0.8 s of quiet that ends a
        recording now mostly hides)."""
        self.player.stop()  # the user talks: stop speaking
        ahead: list[_Ahead] = []

        def on_pause(audio: np.ndarray) -> None:
            ahead.append(_Ahead.start(self, audio))

        if blocks is None:
            audio = self.recorder.record(level, on_pause=on_pause)
        else:
            audio = self.recorder.record_blocks(blocks, level, on_pause=on_pause)
        stopped = time.perf_counter()
        if ended is not None:
            ended()  # the recording is over (the TUI says "transcribing")
        last = ahead[-1] if ahead else None
        transcript = None
        if last is not None and self.recorder.speech_end <= last.samples:
            transcript = last.result()  # None when it failed: then transcribed again below, errors and all
        used_ahead = transcript is not None
        if transcript is None:
            transcript = self.transcribe(audio)
        head_start = stopped - last.started if used_ahead and last is not None else 0.0
        return Listened(audio, transcript, time.perf_counter() - stopped, used_ahead, head_start)

    def speak(self, text: str, lang: str) -> Speech:
        speech = self.speaker.synthesize(text, lang)
        try:
            self.player.play(speech.samples, speech.rate)
        except AudioUnavailable:
            pass  # no loudspeaker: the text is on screen anyway
        return speech


@dataclass
class Listened:
    """A recorded utterance and its transcript; ``wait_s``: end of the recording -> transcript ready."""

    audio: np.ndarray
    transcript: Transcript
    wait_s: float
    ahead: bool  # the transcript is the one started at the last pause
    head_start_s: float = 0.0  # how long that transcription had been running when the recording ended


class _Ahead:
    """A transcription of the recording so far, started at a pause, running in a background thread."""

    def __init__(self, samples: int, thread: threading.Thread, box: dict[str, Any]) -> None:
        self.samples, self.thread, self.box = samples, thread, box
        self.started = time.perf_counter()

    @classmethod
    def start(cls, voice: Voice, audio: np.ndarray) -> _Ahead:
        box: dict[str, Any] = {}

        def run() -> None:
            try:
                box["transcript"] = voice.transcribe(audio)
            except Exception as error:  # noqa: BLE001 - the final transcription reports it
                box["error"] = error

        thread = threading.Thread(target=run, name="transcribe-ahead", daemon=True)
        thread.start()
        return cls(len(audio), thread, box)

    def result(self) -> Transcript | None:
        self.thread.join()
        return self.box.get("transcript")


@dataclass
class Heard:
    """One utterance through the whole pipeline, with the time each stage took (seconds)."""

    transcript: Transcript
    turn: Any  # dialog.Turn
    speech: Speech | None
    stt_s: float
    model_s: float  # model + calendar
    tts_s: float
    ahead: bool = False  # the transcript was started at the final pause, before the recording ended

    @property
    def total_s(self) -> float:
        """End of speech -> spoken reply ready to play."""
        return self.stt_s + self.model_s + self.tts_s

    def to_json(self) -> dict[str, Any]:
        return {
            "transcript": self.transcript.to_json(),
            **self.turn.to_json(),
            "reply_voice": self.speech.voice if self.speech else None,
            "seconds": {
                "stt": round(self.stt_s, 3),
                "model_and_calendar": round(self.model_s, 3),
                "tts": round(self.tts_s, 3),
                "total": round(self.total_s, 3),
            },
        }


def listen_file(assistant: Any, voice: Voice, audio: np.ndarray | str | Path | Listened, speak: bool = True) -> Heard:
    """Audio (or an utterance already recorded and transcribed by ``Voice.listen``) -> call -> reply."""
    ahead = False
    if isinstance(audio, Listened):
        transcript, stt_s, ahead = audio.transcript, audio.wait_s, audio.ahead
    else:
        started = time.perf_counter()
        transcript = voice.transcribe(audio)
        stt_s = time.perf_counter() - started
    started = time.perf_counter()
    turn = assistant.handle(transcript.text, transcript.lang)
    model_s = time.perf_counter() - started
    speech = None
    tts_s = 0.0
    if speak:
        started = time.perf_counter()
        speech = voice.speaker.synthesize(turn.outcome.message, turn.outcome.lang)
        tts_s = time.perf_counter() - started
    return Heard(transcript, turn, speech, stt_s, model_s, tts_s, ahead)
