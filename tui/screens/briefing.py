"""The working briefing: its parts in order beside a preview rendered exactly as
``track2 brief`` prints it; rename, reorder, remove, save, export.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from tui.screens.base import Track2Screen
from tui.widgets.entry_list import EntryList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rows import literal, styled

if TYPE_CHECKING:
    from briefings import Briefing
    from cases.library import Library

EMPTY = (
    "Your working briefing is empty.\n\nIn the library, a case or the lessons explorer, press b "
    "to add the highlighted case, lesson, challenge or recommendation. Come back here (w) to "
    "see it rendered, reorder it, save it, or export it to HTML, Markdown, text or SVG."
)


class BriefingScreen(Track2Screen):
    """Build the briefing; the preview on the right is what export writes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Track2Screen.BINDINGS,
        Binding("e", "export", "Export", id="briefing.export"),
        Binding("s", "save", "Save", id="briefing.save"),
        Binding("t", "rename", "Title", id="briefing.title"),
        Binding("d,delete", "remove", "Remove part", id="briefing.remove"),
        Binding("K,shift+up", "move(-1)", "Move up", show=False, id="briefing.move_up"),
        Binding("J,shift+down", "move(1)", "Move down", show=False, id="briefing.move_down"),
        Binding("p", "toggle_parts", "Wide preview", show=False, id="briefing.wide"),
        Binding("n", "new", "New briefing", show=False, id="briefing.new"),
        Binding("v", "toggle_short", "Short brief", id="briefing.short"),
        Binding("a", "describe('audience')", "Audience", show=False, id="briefing.audience"),
        Binding("u", "describe('purpose')", "Purpose", show=False, id="briefing.purpose"),
    ]

    short = False
    """True while the preview (and exports) show the two-page short brief."""

    _replace_on_save: str | None = None
    """The id whose existing file the next save may replace (set by a refused save)."""

    def compose(self) -> ComposeResult:
        """Parts on the left, the preview on the right."""
        yield Header()
        with Horizontal(id="briefing-body"):
            with Vertical(id="briefing-side", classes="side"):
                yield Static(id="briefing-heading")
                yield EntryList(id="briefing-parts")
            with VerticalScroll(id="briefing-preview"):
                yield Static(id="briefing-render")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the parts and the preview."""
        self.sub_title = "Working briefing"
        self.refresh_briefing()
        self.set_focus(self.query_one("#briefing-parts"))

    @property
    def refs(self) -> list[str]:
        """The parts of the working briefing."""
        return self.saved.state.briefing.refs

    def _label(self, ref: str) -> Text:
        if ref.startswith("agreement:"):
            return styled("Agreement  ", "italic") + literal(self._agreement_title(ref), "bold")
        case_id, _, item_id = ref.partition("/")
        title = self.data.title(case_id)
        if not item_id:
            return styled("Case  ", "italic") + literal(title, "bold")
        case = self.data.case(case_id)
        found = case.item(item_id) if case else None
        if found is None:
            return literal(f"{ref} (not in the library)", "dim")
        kind, item = found
        return (
            styled(f"{kind.capitalize()}  ", "italic")
            + literal(item.title, "bold")
            + "\n"
            + literal(title, "dim")
        )

    def _agreement_title(self, ref: str) -> str:
        number = ref.partition(":")[2]
        imported, _ = self.data.agreements()
        found = imported.get(int(number)) if imported and number.isdigit() else None
        return found.name if found else f"PA-X agreement {number}"

    def compose_briefing(self) -> tuple[Briefing, Library]:
        """The working briefing as a Briefing, and the library slice it refers to."""
        from briefings import compose_from_refs

        # An agreement's part lists the cases that link to it: read those too.
        linked = [
            c.case_id
            for r in self.refs
            if r.startswith("agreement:") and r.partition(":")[2].isdigit()
            for c in self.data.linked_cases(int(r.partition(":")[2]))[0]
        ]
        cases = [r.partition("/")[0] for r in self.refs if not r.startswith("agreement:")]
        lib = self.data.library_for([*cases, *linked])
        refs = [r for r in self.refs if self._resolves(r, lib)]
        working = self.saved.state.briefing
        return compose_from_refs(
            lib,
            refs,
            title=working.title or None,
            audience=working.audience or None,
            purpose=working.purpose or None,
        ), lib

    @staticmethod
    def _resolves(ref: str, lib: Library) -> bool:
        if ref.startswith("agreement:"):
            return ref.partition(":")[2].isdigit()
        case_id, _, item_id = ref.partition("/")
        case = lib.get(case_id)
        return case is not None and (not item_id or case.item(item_id) is not None)

    def refresh_briefing(self, cursor: int | None = None) -> None:
        """Redraw the list of parts and the preview."""
        parts = self.query_one("#briefing-parts", EntryList)
        old = parts.highlighted
        parts.clear_options()
        parts.add_options([Option(self._label(r) + "\n") for r in self.refs])
        if self.refs:
            parts.highlighted = min(
                cursor if cursor is not None else (old or 0), len(self.refs) - 1
            )
        title, preview = self._preview()
        heading = literal(title, "bold")
        count = len(self.refs)
        heading.append(f"\n{count} part{'' if count == 1 else 's'}", style="dim")
        self.query_one("#briefing-heading", Static).update(heading)
        self.query_one("#briefing-render", Static).update(preview)

    def _preview(self) -> tuple[str, RenderableType]:
        if not self.refs:
            return "Working briefing", Text(EMPTY)
        from briefings import BriefingProblem, briefing_document
        from briefings.writers.rich_writer import render
        from tui.styles import writer_styles

        try:
            briefing, lib = self.compose_briefing()
            doc = briefing_document(briefing, lib, short=self.short)
            return briefing.title, render(doc, writer_styles(self.app))
        except BriefingProblem as exc:
            return "Working briefing", literal(f"This briefing cannot be drawn: {exc}")

    def _current(self) -> str | None:
        index = self.query_one("#briefing-parts", EntryList).highlighted
        return self.refs[index] if index is not None and index < len(self.refs) else None

    @on(EntryList.OptionSelected, "#briefing-parts")
    def _open_part(self) -> None:
        ref = self._current()
        if ref and ref.startswith("agreement:"):
            self.track2.open_ref(ref)
        elif ref:
            case_id, _, item_id = ref.partition("/")
            self.track2.open_case(case_id, item_id or None)

    def on_screen_resume(self) -> None:
        """Parts may have been added on other screens."""
        self.refresh_briefing()

    def action_remove(self) -> None:
        """Remove the highlighted part."""
        ref = self._current()
        if ref:
            self.saved.remove_from_briefing(ref)
            self.refresh_briefing()

    def action_move(self, step: int) -> None:
        """Move the highlighted part up or down."""
        ref = self._current()
        if ref:
            self.refresh_briefing(self.saved.move_in_briefing(ref, step))

    def action_rename(self) -> None:
        """Give the briefing a title."""
        from tui.screens.dialogs import PromptDialog

        def renamed(title: str | None) -> None:
            if title is not None:
                self.saved.set_briefing_title(title)
                self.refresh_briefing()

        current = self.saved.state.briefing.title
        question = "Title of the briefing (leave empty for one chosen from its contents)"
        self.app.push_screen(PromptDialog(question, current), renamed)

    def action_describe(self, name: str) -> None:
        """Say who the briefing is for (``audience``) or what it is for (``purpose``)."""
        from tui.screens.dialogs import PromptDialog

        def answered(value: str | None) -> None:
            if value is not None:
                self.saved.set_briefing_field(name, value)
                self.refresh_briefing()

        question = {
            "audience": "Who is the briefing for? (leave empty for delegation members and staff)",
            "purpose": "What is the briefing for? (leave empty for the default purpose)",
        }[name]
        self.app.push_screen(
            PromptDialog(question, getattr(self.saved.state.briefing, name)), answered
        )

    def action_new(self) -> None:
        """Start an empty briefing."""
        self.saved.clear_briefing()
        self.refresh_briefing()
        self.notify("Started a new, empty briefing.")

    def action_toggle_short(self) -> None:
        """Switch between the full briefing and the short brief (preview and export)."""
        self.short = not self.short
        self.refresh_briefing()
        self.notify(
            "Short brief: purpose, points to make, key lessons." if self.short else "Full briefing."
        )

    def action_toggle_parts(self) -> None:
        """Hide or show the list of parts, to read the preview at full width."""
        side = self.query_one("#briefing-side")
        side.display = not side.display
        (
            self.query_one("#briefing-parts")
            if side.display
            else self.query_one("#briefing-preview")
        ).focus()

    def action_save(self) -> None:
        """Save the briefing as YAML in the user folder (``track2 brief ID`` prints it)."""
        if not self.refs:
            self.notify("Nothing to save yet: add parts with b.", severity="warning")
            return
        from briefings import BriefingExists, BriefingProblem, save_briefing

        briefing, _ = self.compose_briefing()
        replace = self._replace_on_save == briefing.id
        self._replace_on_save = None
        try:
            path = save_briefing(briefing, replace=replace)
        except BriefingExists as exc:
            # Never replace another briefing silently: the second press of s confirms.
            self._replace_on_save = briefing.id
            self.notify(
                f"{exc.path.name} already holds a different briefing. Press s again to "
                "replace it, or t to retitle this one.",
                severity="warning",
                timeout=8,
            )
            return
        except (BriefingProblem, OSError) as exc:
            self.notify(f"Could not save: {exc}", severity="error")
            return
        import hashlib

        working = self.saved.state.briefing
        old = working.saved_as
        removed = ""
        if old and old != briefing.id:
            # Retitled since the last save: that file is this briefing's, unless someone
            # changed it since; then it stays.
            old_path = path.with_name(f"{old}.yaml")
            try:
                if hashlib.sha256(old_path.read_bytes()).hexdigest() == working.saved_sha:
                    old_path.unlink()
                    removed = f"; {old_path.name}, its file under the old title, is gone"
            except OSError:
                pass
        self.saved.briefing_saved(briefing.id, hashlib.sha256(path.read_bytes()).hexdigest())
        self.notify(f"Saved as {path} (track2 brief {briefing.id}){removed}")

    def action_export(self) -> None:
        """Export to PDF, Word, HTML, Markdown, text, SVG or JSON at a path the user picks."""
        if not self.refs:
            self.notify("Nothing to export yet: add parts with b.", severity="warning")
            return
        from briefings import export
        from tui.screens.dialogs import ExportDialog

        briefing, lib = self.compose_briefing()

        short = self.short

        def write(fmt: str, path: Path) -> None:
            content = export(briefing, lib, fmt, short=short)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Exported to {path}")

        self.app.push_screen(ExportDialog(briefing.id, write), done)
