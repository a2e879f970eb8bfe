"""Speech benchmark: transcription speed (real-time factor) and word error rate on synthesized bilingual
calendar commands, and end-to-end latency from end of speech to a spoken reply ready to play.

    python -m evaluation speech [--out-dir reports/speech] [--repeat 2] [--whisper base]

English audio comes from piper (en_US-joe-medium), German audio from espeak-ng: robotic, so German WER here
is a floor for the mechanics, not a measure of German accuracy on real voices. The pipeline runs on an
embedded Radicale with the bundled model, warm (one utterance first to load everything).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from assistant.jsonl import write_jsonl

from .memory import memory_mb
from .metrics import _percentile

COMMANDS = Path(__file__).resolve().parent / "data" / "speech_commands.yaml"

__all__ = ["load_commands", "run_speech_bench", "synthesize_commands", "word_error_rate"]


def load_commands(path: Path = COMMANDS) -> tuple[dt.date, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = data["today"] if isinstance(data["today"], dt.date) else dt.date.fromisoformat(data["today"])
    return today, data["commands"]


def _words(text: str) -> list[str]:
    from assistant.schema.resolve import normalize

    text = normalize(text).replace("-", " ")  # number words -> digits on both sides ("3 pm" vs "three pm")
    text = re.sub(r"(\d+):00", r"\1", text)
    text = re.sub(r"(\d)([a-z])", r"\1 \2", text)  # "3pm" -> "3 pm"
    return re.sub(r"[^\w' ]+", " ", text).split()


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Levenshtein distance over words / reference length."""
    ref, hyp = _words(reference), _words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(1, len(ref))


def synthesize_commands(commands: list[dict[str, Any]], out_dir: Path, speaker: Any = None) -> list[Path]:
    """One WAV per command (16-bit mono), English by piper, German by espeak-ng; 0.3 s of quiet around it."""
    import numpy as np

    from assistant.speech.tts import Speaker, Speech, write_wav

    speaker = speaker or Speaker()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, command in enumerate(commands):
        path = out_dir / f"{i:02d}-{command['lang']}.wav"
        if not path.exists():
            speech = speaker.synthesize(command["text"], command["lang"])
            pad = np.zeros(int(speech.rate * 0.3), dtype=np.int16)
            write_wav(Speech(np.concatenate([pad, speech.samples, pad]), speech.rate, speech.voice), path)
        paths.append(path)
    return paths


def _same_call(got: dict[str, Any] | None, want: dict[str, Any]) -> bool:
    if want.get("function") is None:
        return got is None or got.get("function") is None
    if got is None or got.get("function") != want["function"]:
        return False
    a, b = dict(got["arguments"]), dict(want["arguments"])
    if "title" in b:
        a["title"], b["title"] = str(a.get("title", "")).casefold(), str(b["title"]).casefold()
    return a == b


def real_time_blocks(audio: Any, lead_s: float = 0.5, tail_s: float = 1.2, block_s: float = 0.05) -> Iterator[Any]:
    """Audio as a microphone gives it: quiet, the audio, quiet, in blocks that each come when their time has."""
    import numpy as np

    from assistant.speech.stt import SAMPLE_RATE

    block = int(SAMPLE_RATE * block_s)
    lead, tail = np.zeros(int(SAMPLE_RATE * lead_s), np.float32), np.zeros(int(SAMPLE_RATE * tail_s), np.float32)
    samples = np.concatenate([lead, np.asarray(audio, np.float32), tail])
    start = time.perf_counter()
    for i in range(0, len(samples), block):
        delay = start + i / SAMPLE_RATE - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        yield samples[i : i + block]


def run_speech_bench(
    out_dir: Path, repeat: int = 2, whisper: str = "base", model_path: str = "", stream: bool = False
) -> dict[str, Any]:
    """``stream``: each recording is fed in real time, as from a microphone (``Voice.listen``: transcribed ahead
    at each pause), and "end of speech" is the end of the recording (0.8 s of quiet after the last word)."""
    from assistant.app import load_model, make_assistant
    from assistant.settings import Settings
    from assistant.speech.voice import Voice, listen_file

    today, commands = load_commands()
    out_dir.mkdir(parents=True, exist_ok=True)
    voice = Voice()
    voice.settings.whisper_model = whisper
    wavs = synthesize_commands(commands, out_dir / "audio", voice.speaker)
    model, problem = load_model(model_path, progress=print)
    if model is None:
        raise SystemExit(f"cannot run the model: {problem}")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(state_dir=f"{tmp}/state")
        settings.calendar.storage = f"{tmp}/calendar"
        with make_assistant(settings, model, today=today, auto_confirm=True) as assistant:
            rss_before = memory_mb()[0]
            loading = time.perf_counter()
            voice.transcriber  # noqa: B018 - Whisper alone: its load time and memory go in the report
            whisper_load = {
                "load_s": round(time.perf_counter() - loading, 2),
                "rss_mb": round(memory_mb()[0] - rss_before),
            }
            listen_file(assistant, voice, wavs[-1])  # warm-up: loads both voices, first CalDAV round
            assistant.calendar.check()
            for rep in range(repeat):
                for command, wav in zip(commands, wavs, strict=True):
                    if stream:
                        from faster_whisper.audio import decode_audio

                        from assistant.speech.stt import SAMPLE_RATE

                        audio = decode_audio(str(wav), sampling_rate=SAMPLE_RATE)
                        heard = listen_file(assistant, voice, voice.listen(blocks=real_time_blocks(audio)))
                    else:
                        heard = listen_file(assistant, voice, wav)
                    print(
                        f"[{rep + 1}/{repeat}] {command['lang']} {heard.total_s:5.2f}s  "
                        f"{heard.transcript.text!r} -> {heard.turn.outcome.kind}",
                        flush=True,
                    )
                    rows.append(
                        {
                            "lang": command["lang"],
                            "text": command["text"],
                            "heard": heard.transcript.text,
                            "heard_lang": heard.transcript.lang,
                            "wer": word_error_rate(command["text"], heard.transcript.text),
                            "audio_s": heard.transcript.audio_s,
                            "stt_s": heard.stt_s,
                            "model_s": heard.model_s,
                            "tts_s": heard.tts_s,
                            "total_s": heard.total_s,
                            "rep": rep,
                            "call_ok": _same_call(heard.turn.outcome.call, command["call"]),
                            "ahead": heard.ahead,
                            "outcome": heard.turn.outcome.kind,
                        }
                    )
    summary = _summarize(rows)
    summary["whisper"] = {"model": whisper, **whisper_load}
    write_jsonl(out_dir / "rows.jsonl", rows)
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=1))
    (out_dir / "report.md").write_text(_markdown(summary, rows), encoding="utf-8")
    _plot(rows, out_dir / "speech_latency.png")
    return summary


def _seconds_at(values: list[float], q: float) -> float:
    """The q-quantile of durations in seconds, by the same interpolation as every latency figure here."""
    return (_percentile([v * 1000 for v in values], q) or 0.0) / 1000


def _summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:

    out: dict[str, Any] = {}
    for lang in ("en", "de", "all"):
        sel = [r for r in rows if lang == "all" or r["lang"] == lang]
        first = [r for r in sel if r["rep"] == 0]
        if not sel:
            continue
        out[lang] = {
            "utterances": len(first),
            "runs": len(sel),
            "wer": sum(r["wer"] for r in first) / len(first),
            "language_correct": sum(r["heard_lang"] == r["lang"] for r in first) / len(first),
            "call_correct": sum(r["call_ok"] for r in first) / len(first),
            "rtf": sum(r["stt_s"] for r in sel) / sum(r["audio_s"] for r in sel),
            "stt_p50_s": _seconds_at([r["stt_s"] for r in sel], 0.5),
            "model_calendar_p50_s": _seconds_at([r["model_s"] for r in sel], 0.5),
            "tts_p50_s": _seconds_at([r["tts_s"] for r in sel], 0.5),
            "total_p50_s": _seconds_at([r["total_s"] for r in sel], 0.5),
            "total_p95_s": _seconds_at([r["total_s"] for r in sel], 0.95),
            "ahead_share": sum(bool(r.get("ahead")) for r in sel) / len(sel),
        }
    return out


def _markdown(summary: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    lines = [
        "# Speech benchmark",
        "",
        "| set | utterances | WER | language right | call right | RTF | STT p50 | "
        "model+calendar p50 | TTS p50 | end of speech -> reply p50 | p95 |",
        "|---" * 11 + "|",
    ]
    for lang, s in summary.items():
        if lang == "whisper":
            continue
        lines.append(
            f"| {lang} | {s['utterances']} | {s['wer']:.2f} | {s['language_correct']:.2f} | "
            f"{s['call_correct']:.2f} | {s['rtf']:.3f} | {s['stt_p50_s']:.2f} s | "
            f"{s['model_calendar_p50_s']:.2f} s | {s['tts_p50_s']:.2f} s | {s['total_p50_s']:.2f} s | "
            f"{s['total_p95_s']:.2f} s |"
        )
    if any(r.get("ahead") for r in rows):
        used = sum(bool(r.get("ahead")) for r in rows)
        lines += ["", f"Transcribed ahead at the final pause (fed in real time): {used} of {len(rows)} runs."]
    if "whisper" in summary:
        w = summary["whisper"]
        lines += ["", f"Whisper {w['model']}: loaded in {w['load_s']} s, {w['rss_mb']} MB resident."]
    lines += ["", "| lang | said | heard | WER | call | end to end |", "|---|---|---|---|---|---|"]
    for r in rows:
        if r["rep"] == 0:
            lines.append(
                f"| {r['lang']} | {r['text']} | {r['heard']} | {r['wer']:.2f} | "
                f"{'ok' if r['call_ok'] else 'WRONG'} ({r['outcome']}) | {r['total_s']:.2f} s |"
            )
    return "\n".join(lines) + "\n"


def _plot(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .report import save_figure

    fig, ax = plt.subplots(figsize=(8, 4))
    labels, stt, model, tts = [], [], [], []
    for lang in ("en", "de"):
        sel = [r for r in rows if r["lang"] == lang]
        if sel:
            labels.append(lang)
            stt.append(_seconds_at([r["stt_s"] for r in sel], 0.5))
            model.append(_seconds_at([r["model_s"] for r in sel], 0.5))
            tts.append(_seconds_at([r["tts_s"] for r in sel], 0.5))
    ax.barh(labels, stt, label="speech to text")
    ax.barh(labels, model, left=stt, label="model + calendar")
    ax.barh(labels, tts, left=[a + b for a, b in zip(stt, model, strict=True)], label="text to speech")
    ax.axvline(1.5, color="red", linestyle="--", label="target p50 1.5 s")
    ax.set_xlabel("seconds (median), end of speech -> reply ready to play")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Voice pipeline latency on this CPU")
    save_figure(fig, path)
