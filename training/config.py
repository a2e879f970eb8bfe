"""The training entry points' flags: their configuration dataclasses, parsed by transformers' HfArgumentParser
(``--train-rows`` and ``--train_rows`` both work; a field's ``metadata["help"]`` is its help text)."""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["config_parser", "parse_config"]

T = TypeVar("T")


def config_parser(cls: type, description: str, **kwargs: Any) -> Any:
    from transformers import HfArgumentParser

    return HfArgumentParser(cls, description=description, **kwargs)


def parse_config(cls: type[T], argv: list[str] | None, description: str) -> T:
    """``cls`` from the command line (``argv``; None: ``sys.argv``); flags not given keep their defaults."""
    (config,) = config_parser(cls, description).parse_args_into_dataclasses(args=argv)
    return config  # type: ignore[no-any-return]
