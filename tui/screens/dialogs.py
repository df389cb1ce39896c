"""Small dialogs: ask for a line of text; choose an export format and a path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui.screens.base import PANE_BINDINGS
from tui.widgets.rows import literal, styled

EXPORT_FORMATS = (
    ("PDF (.pdf)", "pdf", ".pdf"),
    ("Word (.docx)", "docx", ".docx"),
    ("HTML (.html)", "html", ".html"),
    ("Markdown (.md)", "md", ".md"),
    ("Plain text (.txt)", "text", ".txt"),
    ("SVG image (.svg)", "svg", ".svg"),
    ("JSON (.json)", "json", ".json"),
)
SUFFIX = {fmt: suffix for _, fmt, suffix in EXPORT_FORMATS}
LESSON_FORMATS = (("CSV (.csv)", "csv", ".csv"), ("Markdown (.md)", "md", ".md"))
"""What the lessons explorer exports: its current selection, whole texts."""


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line of text; enter accepts, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        """The question and the input."""
        with Vertical(classes="dialog"):
            yield Label(styled(self.question, "bold"))
            yield Input(value=self.value, id="prompt-input")
            yield Label(styled("enter: done \u00b7 escape: cancel", "dim"), id="prompt-hint")

    @on(Input.Submitted)
    def _accept(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


class ExportDialog(ModalScreen[Path | None]):
    """Choose a format and a path; ``write(fmt, path)`` does the export and may raise."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *PANE_BINDINGS,
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.export"),
    ]

    def __init__(
        self,
        name: str,
        write: Callable[[str, Path], None],
        folder: Path | None = None,
        title: str = "Export the briefing",
        formats: tuple[tuple[str, str, str], ...] = EXPORT_FORMATS,
    ) -> None:
        super().__init__()
        self.base = name
        self.write = write
        self.folder = folder or Path.cwd()
        self.title_text = title
        self.formats = formats
        self.suffixes = {fmt: suffix for _, fmt, suffix in formats}
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        """Format, path, buttons, and a line for errors."""
        with Vertical(id="export", classes="dialog"):
            yield Label(styled(self.title_text, "bold"))
            yield Label("Format")
            first = "html" if "html" in self.suffixes else self.formats[0][1]
            yield Select(
                [(Text(label), fmt) for label, fmt, _ in self.formats],
                value=first,
                allow_blank=False,
                id="export-format",
            )
            yield Label("Save to (enter exports)")
            yield Input(str(self.folder / f"{self.base}{self.suffixes[first]}"), id="export-path")
            yield Static("", id="export-error")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        """Start in the path box, so enter exports HTML at once."""
        self.set_focus(self.query_one("#export-path", Input))

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        box = self.query_one("#export-path", Input)
        path = Path(box.value)
        if path.suffix in self.suffixes.values() or not path.suffix:
            box.value = str(path.with_suffix(self.suffixes[str(event.value)]))

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._confirm = None
        self.query_one("#export-error", Static).update("")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        """Write the file (asking before overwriting one)."""
        raw = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#export-error", Static)
        if not raw:
            error.update("Give a file name.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if path.is_dir():
            error.update(literal(f"{path} is a folder; add a file name."))
            return
        if path.exists() and self._confirm != path:
            self._confirm = path
            error.update(literal(f"{path.name} exists: press enter again to replace it."))
            return
        fmt = self.query_one("#export-format", Select).value
        try:
            self.write(str(fmt), path)
        except Exception as exc:  # shown in the dialog; the user can pick another path
            error.update(literal(f"Could not export: {exc}"))
            return
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
