"""Imports flow one way through the parts the README names (issue 21): the schema knows nothing of the model,
the calendar or speech; those three know nothing of each other or of the conversation; the front ends sit on
top. Every import counts, also one inside a function (a lazy import must not hide a cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ASSISTANT = Path(__file__).resolve().parents[1] / "assistant"

# module -> (layer, part, order inside the part). A module may import from a lower layer, or from its own part
# at a lower order. A new module must be placed here: the test fails until it is.
PLACES: dict[str, tuple[int, str, int]] = {
    # base: the catalog, settings, logging, no knowledge of calendars or models
    "messages": (0, "base", 0),
    "logs": (0, "base", 0),
    "cliargs": (0, "base", 0),
    "jsonl": (0, "base", 0),
    "settings": (0, "base", 1),
    # the schema: functions, the words for dates and times, the resolver
    "lexicon": (1, "schema", 0),
    "functions": (1, "schema", 0),
    "resolve": (1, "schema", 1),
    # the model: decoding (no torch) <- runtime, network <- the caller <- its saved form
    "decoding": (2, "model", 0),
    "base_model": (2, "model", 0),
    "runtime": (2, "model", 1),
    "network": (2, "model", 1),
    "model": (2, "model", 2),
    "packed": (2, "model", 3),
    # the calendar
    "local_server": (2, "calendar", 0),
    "ical": (2, "calendar", 0),
    "calendar": (2, "calendar", 1),
    "outbox": (2, "calendar", 2),
    # speech
    "stt": (2, "speech", 0),
    "tts": (2, "speech", 0),
    "audio": (2, "speech", 1),
    "speech": (2, "speech", 2),
    # the conversation
    "replies": (3, "conversation", 0),
    "dialog": (3, "conversation", 1),
    # the front ends
    "app": (4, "front", 0),
    "serve": (4, "front", 0),
    "tui": (4, "front", 1),
    "cli": (4, "front", 2),
    "__main__": (4, "front", 3),
    "__init__": (4, "front", 0),
}


def _module_of(path: Path) -> str:
    rel = path.relative_to(ASSISTANT)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem  # the tui package is one module here


def _imports(path: Path) -> set[str]:
    """The assistant modules a file imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_of(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and node.module.startswith("assistant."):
                found.add(node.module.split(".")[1])
            elif node.level == 1 and package == "tui" and len(path.relative_to(ASSISTANT).parts) > 1:
                continue  # inside the tui package
            elif node.level >= 1:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:
                    found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("assistant."))
    found.discard(package)
    return found


FILES = sorted(p for p in ASSISTANT.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_a_place() -> None:
    assert sorted({_module_of(p) for p in FILES} - set(PLACES)) == []


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ASSISTANT)) for p in FILES])
def test_imports_flow_one_way(path: Path) -> None:
    layer, part, order = PLACES[_module_of(path)]
    wrong = []
    for dep in sorted(_imports(path)):
        if dep not in PLACES:
            continue  # a sub-module name of a package (messages.*), checked with its package
        d_layer, d_part, d_order = PLACES[dep]
        if not (d_layer < layer or (d_layer == layer and d_part == part and d_order < order)):
            wrong.append(f"{dep} ({d_part}, layer {d_layer})")
    assert wrong == [], f"{path.name} ({part}, layer {layer}) imports upward or sideways: {wrong}"
