"""Documents as JSON: the blocks as data, with their kinds, for scripts and other tools."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from cases.document import Document
from cases.text import CONTROL


def _data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"type": type(value).__name__.lower()}
        out.update({f.name: _data(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return out
    if isinstance(value, tuple | list):
        return [_data(v) for v in value]
    return value


def document_data(doc: Document) -> dict[str, Any]:
    """The document as JSON-ready data."""
    data: dict[str, Any] = _data(doc)
    return data


def to_json(doc: Document) -> str:
    """JSON text; control and bidi characters are written as escapes, the data kept intact."""
    text = json.dumps(document_data(doc), ensure_ascii=False, indent=2)
    return CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"
