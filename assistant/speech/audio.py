"""Microphone and loudspeaker through sounddevice: push-to-talk recording that ends on silence, and
interruptible playback. Without PortAudio or without a device every call raises ``AudioUnavailable``
with a message that says so; typing keeps working.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from assistant.messages import UserError
from assistant.speech.stt import SAMPLE_RATE

__all__ = ["AudioUnavailable", "EndOfSpeech", "Player", "Recorder", "SpeechTracker", "audio_problem"]


class AudioUnavailable(UserError, RuntimeError):
    """No sound system or no device; the message is for the user."""

    key = "error.audio"


def _sounddevice():  # noqa: ANN202
    try:
        import sounddevice
    except OSError as error:  # PortAudio missing (Linux: apt install libportaudio2)
        raise AudioUnavailable(
            "no audio system (PortAudio is not installed; on Debian/Ubuntu: sudo apt install libportaudio2)"
        ) from error
    return sounddevice


def audio_problem(kind: str = "input") -> str:
    """'' when a default input (or output) device exists, else why not."""
    try:
        sd = _sounddevice()
        sd.query_devices(kind=kind)
        return ""
    except AudioUnavailable as error:
        return str(error)
    except Exception as error:  # noqa: BLE001 - PortAudio reports "no default device" in several ways
        return f"no {'microphone' if kind == 'input' else 'loudspeaker'} found ({error})"


@dataclass
class EndOfSpeech:
    """Energy-based end of speech: after speech started, this much quiet ends the recording."""

    silence_s: float = 0.8
    max_s: float = 15.0
    calibrate_s: float = 0.25  # the first moments set the noise floor
    ratio: float = 3.0  # speech is this many times louder than the floor
    min_rms: float = 0.01
    # This much quiet after speech is a pause: the recording so far is transcribed ahead (``Recorder``), so
    # when the pause turns out to be the end, most of the transcription is already done.
    pause_s: float = 0.2

    def detector(self) -> Callable[[np.ndarray], bool]:
        """A function fed one block after another; True when recording should stop."""
        return self.tracker().feed

    def tracker(self) -> SpeechTracker:
        return SpeechTracker(self)


class SpeechTracker:
    """The state of one recording: fed block by block, it knows when speech started, paused and ended."""

    def __init__(self, rule: EndOfSpeech) -> None:
        self.rule = rule
        self.t = 0.0
        self.samples = 0
        self.floor: float | None = None
        self.spoke = False
        self.quiet = 0.0
        self.calib: list[float] = []
        self.speech_end = 0  # samples up to the end of the last loud block
        self.paused = False  # True on the one block where a pause (``pause_s`` of quiet after speech) begins

    def feed(self, block: np.ndarray) -> bool:
        seconds = len(block) / SAMPLE_RATE
        rms = float(np.sqrt(np.mean(np.square(block)))) if len(block) else 0.0
        self.t += seconds
        self.samples += len(block)
        self.paused = False
        rule = self.rule
        if self.t <= rule.calibrate_s:
            self.calib.append(rms)
            return False
        if self.floor is None:
            self.floor = float(np.median(self.calib)) if self.calib else 0.0
        threshold = max(rule.min_rms, self.floor * rule.ratio)
        if rms >= threshold:
            self.spoke, self.quiet = True, 0.0
            self.speech_end = self.samples
        elif self.spoke:
            before = self.quiet
            self.quiet += seconds
            self.paused = before < rule.pause_s <= self.quiet
        return self.t >= rule.max_s or (self.spoke and self.quiet >= rule.silence_s)


class Recorder:
    """``record(level)`` blocks until end of speech or ``stop()``; 16 kHz mono float32."""

    def __init__(self, end: EndOfSpeech | None = None, block_s: float = 0.05) -> None:
        self.end = end or EndOfSpeech()
        self.block = int(SAMPLE_RATE * block_s)
        self._stop = threading.Event()
        self.speech_end = 0  # of the last recording: samples up to the end of its last speech

    def stop(self) -> None:
        self._stop.set()

    def record(
        self, level: Callable[[float], None] | None = None, on_pause: Callable[[np.ndarray], None] | None = None
    ) -> np.ndarray:
        """Record from the default microphone until end of speech (see ``record_blocks``)."""
        sd = _sounddevice()
        problem = audio_problem("input")
        if problem:
            raise AudioUnavailable(problem)
        with sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32", blocksize=self.block) as stream:

            def blocks() -> Iterator[np.ndarray]:
                while True:
                    data, _ = stream.read(self.block)
                    yield data[:, 0].copy()

            return self.record_blocks(blocks(), level, on_pause)

    def record_blocks(
        self,
        blocks: Iterable[np.ndarray],
        level: Callable[[float], None] | None = None,
        on_pause: Callable[[np.ndarray], None] | None = None,
    ) -> np.ndarray:
        """Take blocks until end of speech, ``stop()`` or the blocks run out. ``on_pause`` gets the recording so
        far whenever speech pauses; ``speech_end`` then tells (in samples) where the last speech ended."""
        self._stop.clear()
        tracker = self.end.tracker()
        kept: list[np.ndarray] = []
        for block in blocks:
            if self._stop.is_set():
                break
            kept.append(block)
            if level is not None:
                level(min(1.0, float(np.sqrt(np.mean(np.square(block)))) * 10))
            done = tracker.feed(block)
            self.speech_end = tracker.speech_end
            if done:
                break
            if tracker.paused and on_pause is not None:
                on_pause(np.concatenate(kept))
        return np.concatenate(kept) if kept else np.zeros(0, dtype=np.float32)


class Player:
    """Plays int16 audio; ``stop()`` interrupts (a new command, or the user pressing the talk key)."""

    def play(self, samples: np.ndarray, rate: int) -> None:
        sd = _sounddevice()
        problem = audio_problem("output")
        if problem:
            raise AudioUnavailable(problem)
        sd.play(samples, rate)
        sd.wait()

    def stop(self) -> None:
        try:
            _sounddevice().stop()
        except AudioUnavailable:
            pass
