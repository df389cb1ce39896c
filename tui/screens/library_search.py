"""What the library screen's search shows, apart from the screen: the result for a query and
the filters (run in a worker thread), and the line that sums it up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

from search_index.model import OWN_KINDS
from tui.widgets.rows import literal

if TYPE_CHECKING:
    from search_index import SearchResult
    from tui.data import LibraryData


def library_result(
    data: LibraryData,
    query: str,
    filters: dict[str, str],
    keep: set[str] | None,
    limit: int,
    wanted: Callable[[], bool],
    as_typed: str,
) -> SearchResult | None:
    """The hits for ``query`` under the facet ``filters`` (None: a newer query came first).

    ``keep`` limits the hits to some cases (bookmarks, recent); ``as_typed`` is a query whose
    automatic correction the user turned down. With no query, an item kind lists its items.
    """
    facet = {k: v for k, v in filters.items() if k not in ("list", "kind", "actor")}
    actor = filters.get("actor")
    kind = filters.get("kind")
    if actor:
        # Actors are not an index field: keep the hits of the cases that name one.
        named = {r.id for r in data.rows if r.has_actor(actor)}
        keep = named if keep is None else keep & named
    if query or kind in OWN_KINDS:
        # Bookmarked or recent cases are few: fetch every hit, then keep theirs.
        found = data.search(
            query,
            filters=facet,
            kind=kind,
            limit=100_000 if keep is not None else limit,
            wanted=wanted,
            autocorrect=query.strip() != as_typed.strip(),
        )
        if found is None:
            return None
        result = found
    else:
        from search_index import SearchResult
        from tui.widgets.facets import row_values

        def has(case_id: str, field: str, value: str) -> bool:
            row = data.row(case_id)
            return row is not None and value in row_values(row, field)

        items = [
            h for h in data.items(kind=kind) if all(has(h.case_id, k, v) for k, v in facet.items())
        ]
        result = SearchResult(query="", total=len(items), hits=items)
    if keep is not None:
        result.hits = [h for h in result.hits if h.case_id in keep]
        result.total = len(result.hits)
    return result


def result_summary(result: SearchResult) -> Text:
    """The line over the hits: how many, for what, a correction made, an error in the query."""
    summary = Text()
    if result.corrected_from is not None:
        summary.append(f"{result.total} results for ")
        summary.append_text(literal(result.query, "bold"))
        summary.append(": nothing matches ")
        summary.append_text(literal(result.corrected_from, "italic"))
        summary.append(" (ctrl+o searches for it as typed)")
    elif result.query:
        summary.append(f"{result.total} results for ")
        summary.append_text(literal(result.query, "bold"))
    else:
        summary.append(f"{result.total} items")
    if len(result.hits) < result.total:
        summary.append(f"  (best {len(result.hits)} listed; more as you scroll)")
    if result.error:
        summary.append("  ")
        summary.append_text(literal(result.error, "italic"))
    return summary
