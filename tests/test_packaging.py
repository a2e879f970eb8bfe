"""What `pip install .` gives a user outside the checkout: the wheel holds the code, the message catalogs, the
TUI's stylesheet, the generator's templates and the bundled model, and declares the console script and the
run-time dependencies (the model runs in-process: torch, transformers)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


SKIP_TOP = {".git", ".venv", "build", "dist", "data", "runs", "reports", ".pytest_cache", ".ruff_cache", ".mypy_cache"}


def _source_copy(target: Path) -> Path:
    """The checkout without its caches: building in place would leave build/ and egg-info behind in it."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder).resolve() == ROOT
        return {n for n in names if (top and n in SKIP_TOP) or n == "__pycache__" or n.endswith(".egg-info")}

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def test_the_wheel_carries_everything_the_installed_command_reads(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "src")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("octocal-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = z.read(meta).decode()
        entry_points = z.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    bundled = {p.name for p in (ROOT / "assets" / "model").iterdir() if p.is_file()}
    assert {f"octocal_assets/model/{name}" for name in bundled} <= names
    assert {"assistant/messages/de.toml", "assistant/messages/en.toml", "assistant/tui/app.tcss"} <= names
    assert "training/templates/create_event.yaml" in names and "evaluation/data/handwritten.jsonl" in names
    assert "octocal = assistant.cli:run" in entry_points
    requires = [line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    runtime = [r for r in requires if "extra ==" not in r]
    assert any(r.startswith("torch==2.13.0") for r in runtime) and any(r.startswith("transformers") for r in runtime)
