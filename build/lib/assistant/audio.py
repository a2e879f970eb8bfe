"""Microphone and loudspeaker through sounddevice: push-to-talk recording that ends on silence, and
interruptible playback. Without PortAudio or without a device every call raises ``AudioUnavailable``
with a message that says so; typing keeps working.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .messages import UserError
from .stt import SAMPLE_RATE

__all__ = ["AudioUnavailable", "EndOfSpeech", "Player", "Recorder", "audio_problem"]


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

    def detector(self) -> Callable[[np.ndarray], bool]:
        """A function fed one block after another; True when recording should stop."""
        state = {"t": 0.0, "floor": None, "spoke": False, "quiet": 0.0, "calib": []}

        def feed(block: np.ndarray) -> bool:
            seconds = len(block) / SAMPLE_RATE
            rms = float(np.sqrt(np.mean(np.square(block)))) if len(block) else 0.0
            state["t"] += seconds
            if state["t"] <= self.calibrate_s:
                state["calib"].append(rms)
                return False
            if state["floor"] is None:
                state["floor"] = float(np.median(state["calib"])) if state["calib"] else 0.0
            threshold = max(self.min_rms, state["floor"] * self.ratio)
            if rms >= threshold:
                state["spoke"], state["quiet"] = True, 0.0
            elif state["spoke"]:
                state["quiet"] += seconds
            return state["t"] >= self.max_s or (state["spoke"] and state["quiet"] >= self.silence_s)

        return feed


class Recorder:
    """``record(level)`` blocks until end of speech or ``stop()``; 16 kHz mono float32."""

    def __init__(self, end: EndOfSpeech | None = None, block_s: float = 0.05) -> None:
        self.end = end or EndOfSpeech()
        self.block = int(SAMPLE_RATE * block_s)
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def record(self, level: Callable[[float], None] | None = None) -> np.ndarray:
        sd = _sounddevice()
        problem = audio_problem("input")
        if problem:
            raise AudioUnavailable(problem)
        self._stop.clear()
        done = self.end.detector()
        blocks: list[np.ndarray] = []
        with sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32", blocksize=self.block) as stream:
            while not self._stop.is_set():
                data, _ = stream.read(self.block)
                block = data[:, 0].copy()
                blocks.append(block)
                if level is not None:
                    level(min(1.0, float(np.sqrt(np.mean(np.square(block)))) * 10))
                if done(block):
                    break
        return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)


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
