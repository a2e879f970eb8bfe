"""Map a configuration dataclass onto command-line flags, so every knob has one default in one place."""

from __future__ import annotations

import argparse
import dataclasses
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["add_dataclass_arguments", "dataclass_from_args", "parse_config"]

T = TypeVar("T")


def add_dataclass_arguments(parser: argparse.ArgumentParser, cls: type) -> None:
    """One ``--field-name`` flag per field; the field's ``metadata["help"]`` is the help text."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if not f.init or f.metadata.get("cli") is False:
            continue
        flag = "--" + f.name.replace("_", "-")
        hint = hints[f.name]
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
        help_text = f"{f.metadata.get('help', '')} (default: {default})"
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if hint is bool:
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=help_text)
            continue
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            hint = next(a for a in args if a is not type(None))
        if typing.get_origin(hint) is tuple:
            parser.add_argument(flag, nargs="+", type=typing.get_args(hint)[0], default=None, help=help_text)
        else:
            converter = hint if hint in (int, float, str, Path) else str
            parser.add_argument(flag, type=converter, default=None, help=help_text)


def dataclass_from_args(cls: type[T], namespace: argparse.Namespace, **overrides: Any) -> T:
    """Build ``cls`` from parsed flags; flags not given keep the dataclass defaults."""
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = getattr(namespace, f.name, None)
        if value is not None:
            values[f.name] = tuple(value) if isinstance(value, list) else value
    values.update(overrides)
    return cls(**values)


def parse_config(cls: type[T], argv: list[str] | None, description: str) -> T:
    parser = argparse.ArgumentParser(description=description)
    add_dataclass_arguments(parser, cls)
    return dataclass_from_args(cls, parser.parse_args(argv))
