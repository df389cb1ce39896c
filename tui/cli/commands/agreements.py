"""``track2 agreements``: import PA-X, list and search its agreements; ``track2 agreement ID``.

PA-X (the Peace Agreements Database, PeaceRep, University of Edinburgh) cannot be shipped, so
``track2 agreements import FILE.csv`` reads the CSV the user downloaded, checks every row and
replaces the stored import only when the whole file is good.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import add_command
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from cases.document.agreement import LinkedCase
    from cases.pax import Agreement, AgreementSet
    from search_index import Hit
    from tui.cli.common import SubParsers

FORMATS = ("rich", "text", "ansi", "md", "html", "svg", "json", "pdf", "docx")

EXAMPLES = """\
examples:
  track2 agreements import ~/Downloads/pax_all_agreements_data.csv
  track2 agreements --process mindanao --provision gender
  track2 agreements ceasefire --country PH
  track2 agreement 357
  track2 search 'kind:agreement provision:gender process:mindanao'

Agreement data: PA-X Peace Agreements Database (PeaceRep, University of Edinburgh).
Cite: Bell and Badanjak, "Introducing PA-X: A new peace agreement database and dataset",
Journal of Peace Research 56(3), 2019.
"""


def register(sub: SubParsers) -> None:
    """Add ``agreements`` and ``agreement`` to the parser."""
    p = add_command(
        sub,
        "agreements",
        "import PA-X peace agreements, then list and search them",
        "`track2 agreements import FILE.csv` imports the CSV downloaded from PA-X "
        "(https://www.peaceagreements.org/), either the full export or the smaller one; "
        "`track2 agreements [QUERY]` lists or searches what was imported.",
    )
    p.epilog = EXAMPLES
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument(
        "query",
        nargs="*",
        metavar="QUERY",
        help="words to look for (as in `track2 search`), or: import FILE.csv",
    )
    p.add_argument(
        "--process", metavar="P", help="only this peace process (id or words of its name)"
    )
    p.add_argument(
        "--provision", metavar="X", help="only agreements with provisions of this category or code"
    )
    p.add_argument("--stage", metavar="S", help="only this stage (pre-negotiation, ceasefire...)")
    p.add_argument("--country", metavar="C", help="only agreements located in this country")
    p.add_argument(
        "--limit", type=int, default=50, metavar="N", help="show at most N agreements (default 50)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)

    one = add_command(
        sub,
        "agreement",
        "show one imported PA-X agreement and the cases that fed it",
        "Show one agreement: name, date, process, parties, stage, status, length, the "
        "provision categories it codes with their level, its PA-X page, and the cases that "
        "link to it. Without an import, what the cases record about it.",
    )
    one.add_argument("id", metavar="ID", help="the PA-X agreement id (AgtId), e.g. 357")
    one.add_argument("--format", choices=FORMATS, default=None, help="as for `track2 show`")
    one.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    one.add_argument("--force", action="store_true", help="let -o replace an existing file")
    one.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    one.add_argument("--width", type=int, default=None, help="wrap text at this width")
    one.add_argument("--json", action="store_true", help="the record as JSON (like --format json)")
    one.set_defaults(func=run_one)


# Importing --------------------------------------------------------------------------------


def run(ctx: Context) -> int:
    """``agreements import FILE`` or ``agreements [QUERY]``."""
    words: list[str] = list(ctx.args.query)
    if words and words[0] == "import":
        if len(words) != 2:
            from tui.cli.context import UsageError

            raise UsageError("usage: track2 agreements import FILE.csv")
        return run_import(ctx, Path(words[1]).expanduser())
    return run_list(ctx, " ".join(words))


def _progress_reader(path: Path) -> Any:
    """Read the CSV, with a progress bar when stderr is a terminal."""
    from cases.pax_import import read_csv
    from tui.cli.common import progress_bar

    with progress_bar("checking rows") as progress:
        return read_csv(path, progress)


def run_import(ctx: Context, path: Path) -> int:
    """Check the whole file; store it only when every row is good; then index it."""
    import time

    from cases.pax import store_path, try_load_store, write_store
    from tui.cli.output import error, print_json

    if not path.is_file():
        raise UserError(f"{path}: no such file")
    started = time.perf_counter()
    result = _progress_reader(path)
    previous, _ = try_load_store()
    if not result.ok:
        for problem in result.problems:
            error(str(problem))
        if result.more_problems:
            error(f"... and {result.more_problems} more problem(s)")
        kept = (
            f"the previous import ({len(previous)} agreements) is unchanged"
            if previous
            else "nothing was imported"
        )
        count = len(result.problems) + result.more_problems
        raise UserError(f"{path}: {count} problem(s); {kept}")
    try:
        target = write_store(result.agreements, result.source(path))
    except OSError as exc:
        raise UserError(f"cannot write {store_path()}: {exc.strerror or exc}") from None
    stored = time.perf_counter() - started
    from tui.cli.common import open_index

    idx = open_index(ctx)
    indexed = idx.last_update.seconds
    idx.close()
    provisions = sorted({c for a in result.agreements for c in a.provisions})
    summary = {
        "imported": len(result.agreements),
        "replaced": len(previous) if previous else 0,
        "file": str(path),
        "shape": result.shape,
        "provision_columns_coded": len(provisions),
        "store": str(target),
        "seconds": round(stored + indexed, 2),
        "credit": _credit(),
    }
    if ctx.args.json:
        print_json(summary)
    else:
        shape = (
            "full export, provisions coded"
            if result.shape == "full"
            else "summary export, no provision columns"
        )
        sys.stdout.write(
            f"imported {len(result.agreements):,} agreements ({shape}) from {path.name}"
            f" in {stored + indexed:.1f} s"
            + (f"; replaced an import of {len(previous):,}" if previous else "")
            + f"\nstored in {target}\n{_credit()}\n"
        )
    return 0


def _credit() -> str:
    from cases.pax import CREDIT

    return CREDIT


# Listing ----------------------------------------------------------------------------------


def _need_store() -> AgreementSet | None:
    from cases.pax import try_load_store

    found, problem = try_load_store()
    if problem:
        raise UserError(problem)
    return found


def run_list(ctx: Context, query: str) -> int:
    """The agreements matching the query and options, newest first when no words are given."""
    from cases.pax import IMPORT_HINT
    from tui.cli.common import check_limit, open_index
    from tui.cli.output import print_json

    args = ctx.args
    limit = check_limit(args.limit)
    store = _need_store()
    if store is None or not len(store):
        if args.json:
            print_json({"imported": False, "agreements": [], "hint": IMPORT_HINT})
        else:
            from tui.cli.output import console, text

            console().print(text(IMPORT_HINT))  # wrapped at the terminal's width
        return 0
    filters = {
        name: value
        for name, value in (
            ("process", args.process),
            ("provision", args.provision),
            ("stage", args.stage),
            ("country", args.country),
        )
        if value
    }
    from search_index.fieldvalues import BadValue, normalise

    for name, value in filters.items():
        try:
            normalise(name, value)
        except BadValue as exc:
            raise UserError(str(exc)) from None
    idx = open_index(ctx)
    try:
        if query.strip():
            result = idx.search(query, kind="agreement", limit=limit, filters=filters)
        else:
            result = idx.search("", kind="agreement", limit=100_000, filters=filters)
    finally:
        idx.close()
    if result.error and not result.hits:
        raise UserError(result.error)
    found = [a for h in result.hits if (a := _agreement_of(store, h)) is not None]
    if not query.strip():
        found.sort(key=lambda a: (a.date, a.id), reverse=True)
        found = found[:limit]
    if args.json:
        print_json(
            {
                "imported": True,
                "total": result.total,
                "agreements": [_summary(a) for a in found],
                "credit": _credit(),
            }
        )
    else:
        _print_rows(found, result.total, len(store))
    if result.error:
        from tui.cli.output import error

        error(f"note: {result.error}")
    return 0


def _agreement_of(store: AgreementSet, hit: Hit) -> Agreement | None:
    try:
        return store.get(int(hit.item_id or 0))
    except ValueError:
        return None


def _summary(a: Agreement) -> dict[str, Any]:
    from cases.pax import codebook

    book = codebook()
    return {
        "id": a.id,
        "name": a.name,
        "date": a.date,
        "process": a.process,
        "process_id": a.process_id,
        "stage": book.stage(a.stage) if a.stage else "",
        "countries": a.countries,
        "provisions": {cat: level for cat, _, level, _ in a.categories()},
        "url": a.link,
    }


def _print_rows(found: list[Agreement], total: int, imported: int) -> None:
    """Id, date and name (wrapped whole words), the process under the name."""
    import shutil
    import textwrap

    from cases.text import clean

    width = max(shutil.get_terminal_size((100, 24)).columns, 40)
    id_w = max([2, *(len(str(a.id)) for a in found)])
    name_w = max(width - id_w - 10 - 4, 20)
    pad = " " * (id_w + 2 + 10 + 2)
    out = [f"{'id':<{id_w}}  {'date':<10}  agreement"]
    for a in found:
        lines = textwrap.wrap(clean(a.name), name_w) or [""]
        out.append(f"{a.id:<{id_w}}  {a.date:<10}  {lines[0]}")
        out += [pad + line for line in lines[1:]]
        if a.process:
            out += [pad + line for line in textwrap.wrap(clean(a.process), name_w)]
    shown = len(found)
    out.append(f"{shown} of {total} matching, {imported:,} imported")
    out.append(_credit())
    sys.stdout.write("\n".join(out) + "\n")


# One agreement ----------------------------------------------------------------------------


def linked_cases(
    ctx: Context, agreement_id: int
) -> tuple[list[LinkedCase], tuple[str, str] | None]:
    """The cases linking to the agreement (from the index, then their files for how), and the
    name and date the first of them stores for it."""
    from cases.citations import strip_markers
    from cases.document.agreement import LinkedCase
    from tui.cli.common import open_index

    idx = open_index(ctx)
    try:
        result = idx.search(f"pax:{agreement_id}", kind="case", limit=1000, facets=False)
    finally:
        idx.close()
    ids = [h.case_id for h in result.hits]
    if not ids:
        return [], None
    library = ctx.cases(ids)
    out: list[LinkedCase] = []
    stored: tuple[str, str] | None = None
    for case_id in ids:
        case = library.get(case_id)
        if case is None:
            continue
        for link in case.agreements:
            if link.pax == agreement_id:
                out.append(
                    LinkedCase(case.id, case.title, link.relation, strip_markers(link.note or ""))
                )
                stored = stored or (link.name, link.date)
    out.sort(key=lambda c: c.title.lower())
    return out, stored


def run_one(ctx: Context) -> int:
    """Print or export one agreement."""
    from cases.document.agreement import build_agreement
    from tui.cli.output import chosen_format, emit_document, print_json

    args = ctx.args
    raw = str(args.id).strip().lower().removeprefix("pax-").removeprefix("agreement:")
    if not raw.isdigit():
        from tui.cli.context import UsageError

        raise UsageError(f"'{args.id}' is not a PA-X agreement id (a number such as 357)")
    agreement_id = int(raw)
    store = _need_store()
    agreement = store.get(agreement_id) if store else None
    linked, stored = linked_cases(ctx, agreement_id)
    if agreement is None and not linked:
        if store is None:
            from cases.pax import IMPORT_HINT

            raise UserError(f"no case links to PA-X agreement {agreement_id}. {IMPORT_HINT}")
        raise UserError(
            f"no agreement {agreement_id} among the {len(store):,} imported, "
            "and no case links to it"
        )
    fmt = "json" if args.json else chosen_format(args.format, args.output)
    if fmt == "json" and not args.output:
        data: dict[str, Any] = {"id": agreement_id, "imported": agreement is not None}
        if agreement is not None:
            data.update(_summary(agreement))
            data["record"] = agreement.to_json()
        elif stored:
            data.update({"name": stored[0], "date": stored[1]})
        data["cases"] = [
            {"id": c.case_id, "title": c.title, "relation": c.relation, "note": c.note}
            for c in linked
        ]
        data["credit"] = _credit()
        print_json(data)
        return 0
    doc = build_agreement(agreement, agreement_id, linked, stored)
    emit_document(doc, fmt, args.output, args.force, args.width, args.paper)
    return 0
