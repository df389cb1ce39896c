"""Documents that come from no case file: imported PA-X agreements and glossary terms.

Each source has a signature (its file's size and mtime); the manifest keeps the last one, and
an update re-indexes a source whole when its signature changed (2,300 agreements take about
as long as 300 cases), and not at all otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cases.dirs import CURATED, LibraryDir
from search_index.documents import decade_of, searched

if TYPE_CHECKING:
    from cases.pax import Agreement, Codebook


@dataclass(frozen=True)
class Extra:
    """One source of documents of one kind."""

    kind: str
    path: Callable[[], Path]
    documents: Callable[[Path], Iterator[dict[str, Any]]]
    with_curated: bool = False
    """Only for libraries that include the curated cases (the glossary's terms cite them)."""

    def signature(self, dirs: list[LibraryDir]) -> list[int] | None:
        """[size, mtime_ns] of the source file, or None when there is none (or it does not
        belong to a library of these folders)."""
        if self.with_curated and not any(d.label == CURATED for d in dirs):
            return None
        try:
            st = os.stat(self.path())
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns]


def _store_path() -> Path:
    from cases.pax import store_path

    return store_path()


def _glossary_path() -> Path:
    # Not cases.glossary.glossary_path: that module loads pydantic, and a search on a current
    # index must not.
    from importlib import resources

    return Path(str(resources.files("cases").joinpath("glossary.yaml")))


def agreement_document(a: Agreement, book: Codebook) -> dict[str, Any]:
    """The index document of one agreement."""
    from cases.vocab import vocabulary

    vocab = vocabulary()
    categories = a.categories()
    provision_words = [label for _, label, _, _ in categories]
    labels = [
        a.process,
        a.conflict,
        a.region_label,
        *(vocab.label("countries", c) for c in a.countries),
        book.stage(a.stage),
        book.agreement_type(a.agreement_type),
        *provision_words,
    ]
    body = "\n\n".join(
        p
        for p in (
            a.description,
            a.parties.rstrip(".") + "." if a.parties else "",
            a.third_parties.rstrip(".") + "." if a.third_parties else "",
            "Provisions: " + ", ".join(provision_words) + "." if provision_words else "",
            a.other_agreements,
            f"{a.conflict}." if a.conflict else "",
        )
        if p
    )
    names = "\n".join(p for p in (a.parties, a.third_parties) if p)
    provision_values = [cat for cat, _, _, _ in categories]
    provision_values += [f"code:{code}" for code in a.provisions]
    return {
        "key": f"agreement/{a.id}",
        "kind": "agreement",
        "case_id": "",
        "title": a.name,
        "names": names,
        "body": searched(a.name, names, " ".join(x for x in labels if x), body),
        "region": " ".join(a.regions),
        "country": " ".join(a.countries),
        "decade": decade_of(a.date),
        "stage": a.stage,
        "agtype": a.agreement_type,
        "process": a.process_id,
        "provision": " ".join(provision_values),
        "pax": str(a.id),
        "year_start": a.year,
        "year_end": a.year,
        "meta": {
            "item_id": str(a.id),
            "case_title": a.process or "PA-X",
            "date": a.date,
            "stage": a.stage,
            "process_id": a.process_id,
        },
        "text": body.encode("utf-8"),
    }


def _agreement_documents(path: Path) -> Iterator[dict[str, Any]]:
    from cases.pax import StoreError, codebook, load_store

    try:
        found = load_store(path)
    except StoreError:
        return  # `track2 agreements` says why; the index simply has none
    if found is None:
        return
    book = codebook()
    for a in found.agreements.values():
        yield agreement_document(a, book)


def _term_documents(path: Path) -> Iterator[dict[str, Any]]:
    from cases.citations import strip_markers
    from cases.glossary import Glossary
    from cases.loader import load_model

    loaded = load_model(path, Glossary)
    if loaded.value is None:
        return
    for t in loaded.value.terms:
        text = "\n\n".join(strip_markers(p) for p in (t.definition, t.origin or "") if p)
        yield {
            "key": f"term/{t.id}",
            "kind": "term",
            "case_id": "",
            "title": t.term,
            "body": searched(t.term, "", "", text),
            "meta": {"item_id": t.id, "case_title": "Glossary"},
            "text": text.encode("utf-8"),
        }


EXTRAS = (
    Extra("agreement", _store_path, _agreement_documents),
    Extra("term", _glossary_path, _term_documents, with_curated=True),
)
