"""The one JSONL reader and writer that training, evaluation and the corpora share."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.jsonl import read_jsonl, write_jsonl


def test_rows_are_read_and_a_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert read_jsonl(path) == [{"a": 1}, {"a": 2}]  # blank lines skipped
    path.write_text('{"a": 1}\n{"a": \n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"rows.jsonl:2: not JSON"):
        read_jsonl(path)
    assert read_jsonl(path, keep_bad=True) == [{"a": 1}, '{"a": ', "[1, 2]"]  # kept as text, to be reported
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rows.jsonl:1: not a JSON object"):
        read_jsonl(path)


def test_rows_written_read_back_the_same_and_stay_readable(tmp_path: Path) -> None:
    """German titles are written as they are (a diff of the data shows "Bäcker", not "B\\u00e4cker"), a generator
    is written row by row, and what is written reads back unchanged."""
    rows = [{"query": "Trag Bäcker um 7 ein", "call": None}, {"query": "list my week", "n": 2}]
    path = tmp_path / "rows.jsonl"
    assert write_jsonl(path, (r for r in rows)) == 2
    text = path.read_text(encoding="utf-8")
    assert "Bäcker" in text and text.count("\n") == 2
    assert read_jsonl(path) == rows
