"""Every command the README and docs/ show exists: `make` targets in the Makefile, `python -m ...` modules with
their subcommands and the options shown with them (read from each command's own --help)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# the model cards are written by training.recipe for one model each; their commands are that model's history
PAGES = [p for p in PAGES if not p.name.startswith("model-card")]
COMMAND = re.compile(r"python -m (assistant|evaluation|training\.\w+)((?: [a-z][a-z-]*)?)((?:[^`\n|]*))")
MAKE = re.compile(r"`make ([a-z-]+)`|^make ([a-z-]+)", re.MULTILINE)
SUBCOMMANDS = {"assistant", "evaluation", "training.preference", "training.realdata"}


def _shown() -> dict[tuple[str, str], set[str]]:
    """(module, subcommand) -> the options shown with it anywhere in the docs."""
    found: dict[tuple[str, str], set[str]] = {}
    for page in PAGES:
        for m in COMMAND.finditer(page.read_text(encoding="utf-8")):
            module, sub, rest = m[1], m[2].strip(), m[3]
            if module not in SUBCOMMANDS:
                rest, sub = f"{sub} {rest}", ""
            found.setdefault((module, sub), set()).update(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", rest))
    return found


SHOWN = _shown()


def test_the_docs_show_commands_at_all() -> None:
    assert len(SHOWN) >= 10 and ("assistant", "ask") in SHOWN and ("evaluation", "run") in SHOWN


def test_every_make_target_shown_exists() -> None:
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    shown = {a or b for page in PAGES for a, b in MAKE.findall(page.read_text(encoding="utf-8"))}
    assert {"run", "test"} <= shown
    assert shown <= targets, f"the docs show make targets the Makefile lacks: {shown - targets}"


@pytest.mark.parametrize("module,sub", sorted(SHOWN), ids=lambda v: v or "-")
def test_every_python_command_shown_exists_with_its_options(module: str, sub: str) -> None:
    args = [sys.executable, "-m", module, *([sub] if sub else []), "--help"]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, f"{' '.join(args[1:])}: {done.stderr[-500:]}"
    missing = {o for o in SHOWN[(module, sub)] if o not in done.stdout and o != "--help"}
    assert not missing, f"python -m {module} {sub}: the docs show options it does not have: {missing}"


def test_the_readme_stays_a_users_page() -> None:
    """Issue 21: the README is the user's page (under 250 lines); the lab notebook lives in docs/."""
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) < 250
