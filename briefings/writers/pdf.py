"""Documents as PDF, typeset by Typst (the ``typst`` wheel: compiler and fonts included).

The template (``document.typ``) receives the document as JSON in ``sys_inputs``: case text is
data to Typst, never markup, so nothing in a case file can inject Typst code.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from cases.document import (
    KIND_LABELS,
    Actors,
    Agreements,
    Block,
    CaseHead,
    Disputed,
    Document,
    Facts,
    Items,
    Para,
    Prose,
    Questions,
    Related,
    Timeline,
    number_label,
)
from cases.text import clean

PAPERS = {"a4": "a4", "letter": "us-letter"}
CONTENTS_FROM_PAGES = 5
"""A document longer than four pages gets a table of contents."""
BASE_FONTS = ["Libertinus Serif", "New Computer Modern"]
"""Fonts the typst wheel embeds (Latin, Greek, Cyrillic; Norwegian letters included)."""
CJK_FONTS = [
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "Source Han Serif SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
]
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _c(numbers: tuple[int, ...]) -> str:
    return number_label(numbers) if numbers else ""


def _para(para: Para) -> list[dict[str, str]]:
    return [{"t": clean(s.text), "c": _c(s.cites)} for s in para]


def _entry(
    kind: str = "",
    label: str = "",
    head: str = "",
    after: str = "",
    c: str = "",
    paras: list[Any] | None = None,
    lines: list[str] | None = None,
    url: str = "",
) -> dict[str, Any]:
    return {
        "kind": kind,
        "label": label,
        "head": clean(head),
        "after": clean(after),
        "c": c,
        "paras": paras or [],
        "lines": [clean(x) for x in lines or []],
        "url": clean(url),
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Prose):
        return {
            "type": "prose",
            "label": clean(block.label),
            "paras": [_para(p) for p in block.paras],
        }
    if isinstance(block, Facts):
        return {"type": "facts", "rows": [[clean(k), clean(v)] for k, v in block.rows]}
    if isinstance(block, Timeline):
        return {
            "type": "timeline",
            "events": [
                {"date": clean(e.date), "t": clean(e.text), "c": _c(e.cites)} for e in block.events
            ],
        }
    if isinstance(block, Questions):
        return {"type": "questions", "items": [clean(q) for q in block.items]}
    if isinstance(block, CaseHead):
        return {"type": "casehead", "title": clean(block.title), "subtitle": clean(block.subtitle)}
    if isinstance(block, Items):
        if block.kind == "point" or all(not e.text for e in block.entries):
            return {
                "type": "points",
                "entries": [
                    _entry(e.kind, head=e.title, after=e.source_case, c=_c(e.cites))
                    for e in block.entries
                ],
            }
        entries = []
        for e in block.entries:
            meta = e.meta()
            label = KIND_LABELS.get(e.kind, e.kind) if e.source_case else ""
            entries.append(
                _entry(
                    e.kind,
                    label,
                    e.title,
                    "",
                    _c(e.cites),
                    [_para(p) for p in e.text],
                    [" · ".join(meta)] if meta else [],
                )
            )
        return {"type": "entries", "entries": entries}
    if isinstance(block, Actors):
        return {
            "type": "entries",
            "entries": [
                _entry(
                    head=a.name,
                    after=f"{a.type}, {a.role}",
                    lines=[" · ".join(x for x in (a.affiliation, a.side) if x)],
                )
                for a in block.rows
            ],
        }
    if isinstance(block, Related):
        return {
            "type": "entries",
            "entries": [
                _entry(head=r.title, after=r.relation, lines=[r.note] if r.note else [])
                for r in block.rows
            ],
        }
    if isinstance(block, Disputed):
        return {
            "type": "entries",
            "entries": [
                _entry(
                    head=d.claim,
                    lines=[
                        f"{p.source}{f' [{p.cite}]' if p.cite else ''}: {p.says}"
                        for p in d.positions
                    ],
                    paras=[[{"t": "Our reading: ", "c": ""}, *_para(p)] for p in d.note],
                )
                for d in block.entries
            ],
        }
    if isinstance(block, Agreements):
        return {
            "type": "entries",
            "entries": [
                _entry(
                    head=ag.name,
                    after=f"{ag.date} · {ag.relation} · PA-X {ag.pax}",
                    paras=[_para(p) for p in ag.note],
                    url=ag.url,
                )
                for ag in block.rows
            ],
        }
    raise TypeError(f"no PDF writer for {type(block).__name__}")


def _reference(r: Any) -> dict[str, Any]:
    before = f"{r.author}, " if r.author else ""
    rest = ", ".join(x for x in (r.publisher, str(r.year) if r.year else "") if x)
    after = (
        (f", {rest}" if rest else "")
        + (" (one of the two source articles)" if r.source_article else "")
        + "."
    )
    return {
        "n": r.number,
        "before": clean(before),
        "title": clean(r.title),
        "after": clean(after),
        "url": clean(r.url),
    }


def has_cjk(doc: Document) -> bool:
    """True when the document holds Chinese, Japanese or Korean characters."""
    return bool(_CJK.search(json.dumps(payload(doc, "a4", False, []), ensure_ascii=False)))


def payload(doc: Document, paper: str, contents: bool, fonts: list[str]) -> dict[str, Any]:
    """What the Typst template reads."""
    return {
        "title": clean(doc.title),
        "subtitle": clean(doc.subtitle),
        "marking": clean(doc.marking),
        "meta": [[clean(k), clean(v)] for k, v in doc.meta],
        "notes": [clean(n) for n in doc.notes],
        "sections": [
            {"heading": clean(s.heading), "blocks": [_block(b) for b in s.blocks]}
            for s in doc.sections
        ],
        "references": [_reference(r) for r in doc.references],
        "references_heading": "Sources" if doc.kind == "case" else "References",
        "footer": clean(doc.footer),
        "paper": PAPERS[paper],
        "contents": contents,
        "fonts": fonts,
    }


def _system_cjk_font() -> str | None:
    """A CJK font installed on this system that Typst can use, or None."""
    folders = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".fonts",
        Path.home() / ".local/share/fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        Path("C:/Windows/Fonts"),
    ]
    names = (
        "notoserifcjk",
        "notosanscjk",
        "sourcehan",
        "wqy",
        "droidsansfallback",
        "pingfang",
        "msyh",
        "simsun",
    )
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            flat = path.name.lower().replace("-", "").replace("_", "")
            if path.suffix.lower() in (".ttf", ".otf", ".ttc") and flat.startswith(names):
                return path.name
    return None


def to_pdf(doc: Document, paper: str = "a4") -> tuple[bytes, list[str]]:
    """The PDF and the notes a reader should see (a missing CJK font, for example)."""
    import typst

    notes: list[str] = []
    fonts = list(BASE_FONTS)
    if has_cjk(doc):
        if _system_cjk_font():
            fonts += CJK_FONTS
        else:
            notes.append(
                "Chinese, Japanese or Korean text needs a CJK font such as Noto Sans "
                "CJK (Debian: apt install fonts-noto-cjk); it is missing from this PDF."
            )
            doc = doc.with_notes(notes[-1])
    template = resources.files("briefings.writers").joinpath("document.typ")
    with resources.as_file(template) as path:

        def compile_once(contents: bool) -> bytes:
            data = json.dumps(payload(doc, paper, contents, fonts), ensure_ascii=False)
            out: bytes = typst.compile(str(path), sys_inputs={"data": data})
            return out

        pdf = compile_once(False)
        if _pages(pdf) >= CONTENTS_FROM_PAGES:
            pdf = compile_once(True)
    return pdf, notes


def _pages(pdf: bytes) -> int:
    # Page objects in the PDF Typst writes; a rough count is enough to decide on contents.
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
