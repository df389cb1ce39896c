"""Parse YAML safely and remember where every value stands, for errors with file:line:col.

PyYAML silently keeps the last of two equal keys and happily expands an alias bomb; this
module turns both, and every other way a file can be unreadable, into one clear problem.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from cases.yamlsafe import SafeLoader

MAX_BYTES = 2_000_000
"""Files larger than this are refused before parsing."""
MAX_DEPTH = 64
"""Nesting deeper than this is refused (a case is a handful of levels deep)."""
_MAX_VISITS = 200_000
_MAX_EXPANSION = 20

Loc = tuple[str | int, ...]
Mark = tuple[int, int]


class YamlProblem(Exception):
    """The file cannot be read as one YAML mapping; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, line: int = 0, column: int = 0, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.field = field


@dataclass
class Parsed:
    """The data of a YAML file, with the position of every key and value in it."""

    data: dict[str, Any]
    values: dict[Loc, Mark] = field(default_factory=dict)
    """Where each value starts, keyed by its path from the top."""
    keys: dict[Loc, Mark] = field(default_factory=dict)
    """Where each mapping key stands, keyed by the path of its value."""
    duplicates: list[YamlProblem] = field(default_factory=list)
    """Keys written twice in one mapping (YAML keeps the last; the file is still checked)."""

    def mark_for(self, loc: Loc) -> Mark:
        """The best position for ``loc``: its key, its value, or its nearest ancestor's."""
        for n in range(len(loc), -1, -1):
            part = loc[:n]
            if part in self.keys:
                return self.keys[part]
            if part in self.values:
                return self.values[part]
        return (1, 1)

    def deepest_known(self, loc: Loc) -> int:
        """How many leading parts of ``loc`` name something present in the file."""
        for n in range(len(loc), -1, -1):
            if loc[:n] in self.values:
                return n
        return 0


def _pos(mark: Any) -> Mark:
    return (mark.line + 1, mark.column + 1)


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:200].count(b"\x00") > 2:
        raise YamlProblem("the file looks like UTF-16 (it has NUL bytes); save it as UTF-8", 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line, col
        ) from None
    return text.removeprefix("\ufeff")


def _walk(root: yaml.Node, parsed: Parsed) -> None:
    """Record marks and duplicate keys; refuse deep nesting and alias expansion bombs."""
    visits = 0
    distinct: set[int] = set()
    stack: list[tuple[yaml.Node, Loc]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        visits += 1
        distinct.add(id(node))
        if visits > _MAX_VISITS or (visits > 10_000 and visits > _MAX_EXPANSION * len(distinct)):
            line, col = _pos(node.start_mark)
            raise YamlProblem(
                "aliases expand to too many values (an alias bomb?); write the values out",
                line,
                col,
            )
        if len(loc) > MAX_DEPTH:
            line, col = _pos(node.start_mark)
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", line, col)
        parsed.values.setdefault(loc, _pos(node.start_mark))
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, Mark] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    line, col = _pos(key_node.start_mark)
                    raise YamlProblem(
                        "a key must be a plain word, not a list or mapping", line, col
                    )
                key = key_node.value
                odd = next((ch for ch in str(key) if ch.isspace() and ch not in " \t"), None)
                if odd is not None:
                    line, col = _pos(key_node.start_mark)
                    raise YamlProblem(
                        f"the key {str(key).strip()!r} contains U+{ord(odd):04X} "
                        f"({unicodedata.name(odd, 'a space character').lower()}); "
                        "type it again with plain spaces",
                        line,
                        col,
                    )
                if key == "<<":  # merge keys: the constructor flattens them
                    stack.append((value_node, loc))
                    continue
                here = _pos(key_node.start_mark)
                if key in seen:
                    # Reported, not fatal: the rest of the file is checked in the same run.
                    first = seen[key]
                    parsed.duplicates.append(
                        YamlProblem(
                            f"duplicate key '{key}' (first at line {first[0]})",
                            here[0],
                            here[1],
                            ".".join(str(p) for p in (*loc, key)),
                        )
                    )
                seen[key] = here
                parsed.keys.setdefault((*loc, key), here)
                stack.append((value_node, (*loc, key)))
        elif isinstance(node, yaml.SequenceNode):
            for n, child in enumerate(node.value):
                stack.append((child, (*loc, n)))


def _check_flow_depth(text: str) -> None:
    """Refuse absurdly nested [ and { before libyaml sees them: deep enough, it crashes."""
    if text.count("[") + text.count("{") < 1000:
        return
    depth = 0
    for n, ch in enumerate(text):
        if ch in "[{":
            depth += 1
            if depth > 1000:
                line = text.count("\n", 0, n) + 1
                raise YamlProblem("brackets nested more than 1000 levels deep", line)
        elif ch in "]}" and depth:
            depth -= 1


def parse_mapping(raw: bytes) -> Parsed:
    """Parse one YAML document that must be a mapping; raise YamlProblem otherwise."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem(f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    text = _decode(raw)
    _check_flow_depth(text)
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem("file is empty; a case file is a mapping of fields")
        parsed = Parsed(data={})
        _walk(node, parsed)
        if not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            line, col = _pos(node.start_mark)
            raise YamlProblem(f"the top level is {kind}; it must be a mapping of fields", line, col)
        parsed.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark is not None else (0, 0)
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1][: max(col, 1)]:
            what = "a tab is not allowed for indentation; indent with spaces"
            raise YamlProblem(what, line, lines[line - 1].index("\t") + 1) from None
        raise YamlProblem(f"YAML syntax error: {what}", line, col) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep") from None
    except (ValueError, OverflowError, TypeError) as exc:
        # The loader keeps dates and long numbers as text, so this is a value we did not foresee.
        raise YamlProblem(f"a value cannot be read: {exc}") from None
    finally:
        loader.dispose()
    return parsed
