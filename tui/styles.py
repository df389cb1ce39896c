"""Rich writer styles taken from the Textual theme, so document colours follow the theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App


def _solid(value: str | None) -> str:
    # Theme variables may carry alpha ("#E0E0E099") or "auto 60%", which Rich cannot read.
    if not value or not value.startswith("#"):
        return ""
    return value[:7]


def writer_styles(app: App[object]) -> dict[str, str]:
    """Roles of ``briefings.writers.rich_writer`` mapped to the current theme's colours."""
    v = app.get_css_variables()

    def colour(name: str, extra: str = "bold") -> str:
        c = _solid(v.get(name))
        return f"{extra} {c}".strip() if c else extra

    return {
        "kind.lesson": colour("text-success"),
        "kind.challenge": colour("text-warning"),
        "kind.recommendation": colour("text-primary"),
        "kind.point": colour("text-accent"),
        "link": f"underline {_solid(v.get('text-accent'))}".strip(),
    }
