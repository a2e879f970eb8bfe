"""Shared fixtures: generated data, and tiny randomly initialised models of the real architectures.

The tiny models test mechanics (tokens, training loop, decoding, adapters) in seconds; behaviour that
depends on the trained model is tested against the bundled model (marked slow).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The interface language follows the system locale (assistant/messages): tests read English unless they ask
# for German, on any developer's machine and in every subprocess they start.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ARCHITECTURES = ("gemma3", "qwen2", "phi3")


@pytest.fixture(scope="session")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from training import data as D

    out = tmp_path_factory.mktemp("data")
    splits, summary = D.generate(D.DataConfig(n=400, seed=11))
    D.write(splits, summary, out)
    return out


def _tiny_tokenizer(texts: list[str]):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.decoder = decoders.Metaspace()
    trainer = trainers.BpeTrainer(
        vocab_size=600, special_tokens=["<pad>", "<eos>", "<bos>", "<unk>"], initial_alphabet=list("0123456789:.,-")
    )
    tok.train_from_iterator(texts, trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<bos>", eos_token="<eos>", unk_token="<unk>", pad_token="<pad>"
    )


def _tiny_config(arch: str, vocab: int):
    common = dict(
        vocab_size=vocab,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=512,
        pad_token_id=0,
        bos_token_id=2,
        eos_token_id=1,
    )
    if arch == "gemma3":
        from transformers import Gemma3TextConfig

        return Gemma3TextConfig(head_dim=16, sliding_window=256, **common)
    if arch == "qwen2":
        from transformers import Qwen2Config

        return Qwen2Config(**common)
    from transformers import Phi3Config

    return Phi3Config(**common)


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory: pytest.TempPathFactory, small_data: Path):
    """A factory: architecture name -> directory with a tiny random model and a tokenizer trained here."""
    import json

    import torch
    from transformers import AutoModelForCausalLM

    from assistant.schema.functions import PROMPT_INSTRUCTION

    texts = [json.loads(line)["query"] for line in (small_data / "train.jsonl").read_text("utf-8").splitlines()]
    texts += [PROMPT_INSTRUCTION, "Today: Thursday, 2026-11-26", "Query:", "Response:"]
    tokenizer = _tiny_tokenizer(texts)
    made: dict[str, Path] = {}

    def build(arch: str = "gemma3") -> Path:
        if arch not in made:
            torch.manual_seed(0)
            model = AutoModelForCausalLM.from_config(_tiny_config(arch, len(tokenizer)))
            path = tmp_path_factory.mktemp(f"tiny-{arch}")
            model.save_pretrained(path)
            tokenizer.save_pretrained(path)
            made[arch] = path
        return made[arch]

    return build


@pytest.fixture(scope="session")
def tiny_adapter(tiny_base, small_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny Gemma 3 trained for a few steps and saved as an adapter directory."""
    from training.sft import SFTSettings, train

    out = tmp_path_factory.mktemp("adapter-gemma3")
    train(
        SFTSettings(
            data=small_data,
            out=out,
            base=str(tiny_base("gemma3")),
            train_rows=48,
            max_steps=4,
            batch_size=4,
            train_layers=1,
            logging_steps=1,
        )
    )
    return out


# --------------------------------------------------------------------------- calendar servers


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config, data and keyring of the tests stay out of the user's home (the model cache is shared)."""
    root = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for name in (
        "ASSISTANT_CALDAV_URL",
        "ASSISTANT_CALDAV_USERNAME",
        "ASSISTANT_CALDAV_PASSWORD",
        "ASSISTANT_CALENDAR",
        "ASSISTANT_TIMEZONE",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def module_radicale(tmp_path_factory: pytest.TempPathFactory):
    """One real Radicale for a whole test module (tests that keep apart by user name, not by server)."""
    from assistant.calendar.local_server import LocalServer

    server = LocalServer(tmp_path_factory.mktemp("radicale"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def radicale(tmp_path: Path):
    """A real Radicale on 127.0.0.1 (no auth: any user name is its own principal)."""
    from assistant.calendar.local_server import LocalServer

    server = LocalServer(tmp_path / "radicale")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def radicale_auth(tmp_path: Path):
    """Radicale with a password file: user 'anna', password 'right-pass'."""
    from assistant.calendar.local_server import LocalServer

    htpasswd = tmp_path / "users"
    htpasswd.write_text("anna:right-pass\n")
    server = LocalServer(tmp_path / "radicale-auth", htpasswd=htpasswd)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def xandikos(tmp_path: Path):
    """A real Xandikos server in a subprocess on 127.0.0.1."""
    import subprocess
    import sys

    from assistant.calendar.local_server import free_port, wait_for_port

    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "xandikos.web",
            "--defaults",
            "-d",
            str(tmp_path / "xandikos"),
            "--state-dir",
            str(tmp_path / "xandikos-state"),
            "-p",
            str(port),
            "-l",
            "127.0.0.1",
            "--current-user-principal",
            "/user/",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if not wait_for_port(port, 30, lambda: proc.poll() is None):
        proc.kill()
        raise RuntimeError("xandikos did not start")

    class Handle:
        url = f"http://127.0.0.1:{port}/"

    yield Handle()
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(params=["radicale", "xandikos"])
def caldav_url(request: pytest.FixtureRequest) -> str:
    """Each test that takes this runs once against Radicale and once against Xandikos."""
    return request.getfixturevalue(request.param).url
