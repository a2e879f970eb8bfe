"""JSON Lines, read one way everywhere: training data, evaluation sets, crowd corpora, predictions, pairs."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["read_jsonl", "write_jsonl"]


def read_jsonl(path: Path | str, *, keep_bad: bool = False) -> list[Any]:
    """The JSON objects of a file, one per line, blank lines skipped. A line that is not a JSON object raises
    ``ValueError`` naming the file and line; with ``keep_bad`` it stays in the list as its text, so that the
    caller can report it (the evaluation scores a malformed gold row as such instead of stopping)."""
    rows: list[Any] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            if keep_bad:
                rows.append(line)
                continue
            raise ValueError(f"{path}:{n}: not JSON ({error.msg})") from None
        if not isinstance(row, dict):
            if keep_bad:
                rows.append(line)
                continue
            raise ValueError(f"{path}:{n}: not a JSON object")
        rows.append(row)
    return rows


def write_jsonl(path: Path | str, rows: Iterable[Any]) -> int:
    """Write one JSON object per line in UTF-8 with the text as it is (no ``\\u`` escapes, so that German rows
    stay readable in a diff); rows are written as they come, so a long run leaves what it did. Returns the
    count."""
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count
