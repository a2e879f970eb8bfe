"""Imports flow one way through the parts the README names (issue 21), and the folders are those parts: the
schema knows nothing of the model, the calendar or speech; those three know nothing of each other or of the
conversation; the front ends sit on top. Every import counts, also one inside a function (a lazy import must not
hide a cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ASSISTANT = Path(__file__).resolve().parents[1] / "assistant"

LAYERS = {"base": 0, "schema": 1, "model": 2, "calendar": 2, "speech": 2, "conversation": 3, "front": 4}
# module (its path under assistant/, dotted) -> (part, order inside the part). The part of a module in a folder
# is its folder. A module may import from a lower layer, or from its own part at a lower order. A new module must
# be placed here: the test fails until it is.
PLACES: dict[str, tuple[str, int]] = {
    # base: the catalog, settings, logging, no knowledge of calendars or models
    "messages": ("base", 0),
    "logs": ("base", 0),
    "jsonl": ("base", 0),
    "settings": ("base", 1),
    # the schema: functions, the words for dates and times, the resolver
    "schema": ("schema", 0),
    "schema.lexicon": ("schema", 0),
    "schema.functions": ("schema", 0),
    "schema.resolve": ("schema", 1),
    # the model: decoding (no torch) <- runtime, network <- the caller <- its saved form
    "model": ("model", 0),
    "model.decoding": ("model", 0),
    "model.base": ("model", 0),
    "model.runtime": ("model", 1),
    "model.network": ("model", 1),
    "model.caller": ("model", 2),
    "model.packed": ("model", 3),
    # the calendar
    "calendar": ("calendar", 0),
    "calendar.local_server": ("calendar", 0),
    "calendar.ical": ("calendar", 0),
    "calendar.names": ("calendar", 0),
    "calendar.client": ("calendar", 1),
    "calendar.outbox": ("calendar", 2),
    # speech
    "speech": ("speech", 0),
    "speech.stt": ("speech", 0),
    "speech.tts": ("speech", 0),
    "speech.audio": ("speech", 1),
    "speech.voice": ("speech", 2),
    # the conversation
    "conversation": ("conversation", 0),
    "conversation.replies": ("conversation", 0),
    "conversation.referents": ("conversation", 0),
    "conversation.segments": ("conversation", 0),
    "conversation.dialog": ("conversation", 1),
    # the front ends
    "app": ("front", 0),
    "serve": ("front", 0),
    "tui": ("front", 1),
    "cli": ("front", 2),
    "__main__": ("front", 3),
    "__init__": ("front", 0),
}
FOLDERS = {"schema", "model", "calendar", "speech", "conversation"}


def _module_of(path: Path) -> str:
    """The PLACES key of a file: its dotted path; a folder's __init__ is the folder; tui and messages are one
    module each here."""
    parts = list(path.relative_to(ASSISTANT).with_suffix("").parts)
    if parts[0] in ("tui", "messages"):
        return parts[0]
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _place_of(dotted: str) -> str | None:
    """The PLACES key an import of ``assistant.<dotted>`` names (a name imported from a module is no module)."""
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in PLACES and (n == 1 or parts[0] in FOLDERS):
            return key
    return None


def _imports(path: Path, own: str = "") -> set[str]:
    """The assistant modules a file imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = own or _module_of(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0 or own in ("tui", "messages"), f"{path}: relative import outside a front-end package"
            if node.level == 0 and node.module and node.module.startswith("assistant."):
                base = node.module.removeprefix("assistant.")
                for alias in node.names:  # "from assistant.model import caller" imports the module caller
                    key = _place_of(f"{base}.{alias.name}") or _place_of(base)
                    if key:
                        found.add(key)
            elif node.level == 0 and node.module == "assistant":
                found.update(k for a in node.names if (k := _place_of(a.name)))
        elif isinstance(node, ast.Import):
            found.update(k for a in node.names if a.name.startswith("assistant.") and (k := _place_of(a.name[10:])))
    found.discard(own)
    return found


FILES = sorted(p for p in ASSISTANT.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_a_place() -> None:
    assert sorted({_module_of(p) for p in FILES} - set(PLACES)) == []


def test_folders_are_the_parts() -> None:
    """A module in a folder belongs to the part of that name, and a part with a folder has every module in it."""
    for key, (part, _) in PLACES.items():
        if part in FOLDERS:
            assert key.split(".")[0] == part, key
        else:
            assert "." not in key, key


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ASSISTANT)) for p in FILES])
def test_imports_flow_one_way(path: Path) -> None:
    part, order = PLACES[_module_of(path)]
    layer = LAYERS[part]
    wrong = []
    for dep in sorted(_imports(path)):
        d_part, d_order = PLACES[dep]
        d_layer = LAYERS[d_part]
        if not (d_layer < layer or (d_part == part and d_order < order)):
            wrong.append(f"{dep} ({d_part}, layer {d_layer})")
    assert wrong == [], f"{path.name} ({part}, layer {layer}) imports upward or sideways: {wrong}"


def test_the_checker_sees_a_sideways_import(tmp_path: Path) -> None:
    """The test itself can fail: speech importing the calendar inside a function is seen, and is sideways."""
    probe = tmp_path / "stt.py"
    probe.write_text("def f():\n    from assistant.calendar.client import CalDAVCalendar\n", encoding="utf-8")
    found = _imports(probe, own="speech.stt")
    assert found == {"calendar.client"}
    assert LAYERS[PLACES["calendar.client"][0]] == LAYERS[PLACES["speech.stt"][0]]  # same layer, other part


def _defined_twice(source: str) -> list[str]:
    """Module-level names (functions, classes, assignments) a module defines more than once: the later one silently
    replaces the earlier for every use, also the uses above it."""
    seen: dict[str, int] = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        else:
            names = []
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


ROOT = ASSISTANT.parent
CODE = sorted(p for folder in ("assistant", "training", "evaluation") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", CODE, ids=[str(p.relative_to(ROOT)) for p in CODE])
def test_no_module_defines_a_name_twice(path: Path) -> None:
    """Session 38: a second `_CLOCK_SAID` far down the 6,800-line resolver replaced the first and broke 61 moves and
    creates; only reading every saved decode again caught it."""
    assert _defined_twice(path.read_text(encoding="utf-8")) == []


def test_the_checker_sees_a_name_defined_twice() -> None:
    assert _defined_twice("A = 1\ndef f():\n    A = 2\nB = 2\nA = 3\n") == ["A"]
