"""The YAML loader track2 reads data with: libyaml's safe parser, with values that cannot fail.

PyYAML builds dates, times and integers while it constructs the document, and raises a bare
``ValueError`` for ``2023-02-30``, ``25:99`` or a 5,000-digit number, which no caller can place
in the file. Here timestamps stay the text they were written as, and integers too long to be
meaningful stay text: the model then rejects them with the file, line and field.
"""

from __future__ import annotations

from typing import Any

import yaml

_Base: type[yaml.SafeLoader]
try:
    _Base = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Base = yaml.SafeLoader

MAX_INT_DIGITS = 30
"""Integers with more digits than this are kept as text (no field needs them as numbers)."""


class SafeLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, with timestamps as text and over-long integers as text."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


def _bounded_int(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if sum(ch.isdigit() for ch in text) > MAX_INT_DIGITS:
        return text
    try:
        return loader.construct_yaml_int(node)  # type: ignore[arg-type]
    except ValueError:
        return text


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
SafeLoader.add_constructor("tag:yaml.org,2002:int", _bounded_int)
