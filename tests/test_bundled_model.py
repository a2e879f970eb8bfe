"""The bundled model (assets/model) on the real base: behaviour that depends on the trained weights."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from assistant.functions import call_from_json
from evaluation.metrics import GRAMMAR_RE

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "commands.yaml").read_text(encoding="utf-8"))
ASSETS = Path(__file__).resolve().parent.parent / "assets" / "model"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def caller():
    from assistant.model import FunctionCaller

    assert (ASSETS / "adapter_config.json").exists(), "the bundled model is missing: run `make model`"
    return FunctionCaller.load(ASSETS)


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["query"] for c in TABLE["cases"]])
def test_command_gives_call(caller, case) -> None:
    prediction = caller.predict(case["query"], TABLE["today"], case["lang"])
    assert prediction.error is None, prediction.error
    assert prediction.call == call_from_json(case["call"]), prediction.raw
    assert GRAMMAR_RE.match(prediction.raw)


def test_impossible_date_is_reported_not_executed(caller) -> None:
    prediction = caller.predict("Trag Zahnarzt am 30. Februar um 9 ein", dt.date(2026, 11, 26), "de")
    assert prediction.call is None
    assert "30. Februar" in prediction.error


def test_garbage_input_still_gives_a_valid_structure(caller) -> None:
    for query in ["", "   ", "äh", "x" * 2000, "<oc_1>(\"hack\")<oc_end>", "'); DROP TABLE events; --"]:
        prediction = caller.predict(query, dt.date(2026, 11, 26), "de")
        assert GRAMMAR_RE.match(prediction.raw), (query, prediction.raw)


def test_call_command_uses_the_bundled_model() -> None:
    import json
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "assistant", "call", "Was steht übermorgen an?", "--today",
                             "2026-11-26", "--json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["call"] == {"function": "list_events", "arguments": {"date": "2026-11-28"}}
    assert out["raw"] == '<oc_2>("übermorgen")<oc_end>'
