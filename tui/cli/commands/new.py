"""``track2 new ID``: a commented case template to fill in."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import add_command
from tui.cli.context import Context, UserError

if TYPE_CHECKING:
    from tui.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    """Add the command to the parser."""
    p = add_command(
        sub,
        "new",
        "write a commented case template",
        "Write ID.yaml, a commented case template that validates once filled in.",
    )
    p.add_argument("id", metavar="ID", help="a lowercase slug such as my-dialogue-2024")
    p.add_argument("--dir", default=".", help="the folder to write into (default: here)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=run)


def template_text(case_id: str) -> str:
    """The template with the id filled in."""
    text = resources.files("cases").joinpath("template.yaml").read_text(encoding="utf-8")
    title = case_id.replace("-", " ").capitalize()
    return text.replace("__ID__", case_id).replace("__TITLE__", title)


def run(ctx: Context) -> int:
    """Write the template; refuse to overwrite unless --force."""
    from cases.model import is_slug

    case_id: str = ctx.args.id
    if not is_slug(case_id):
        raise UserError(
            f"'{case_id}' is not a valid id: use lowercase letters, digits and single hyphens"
        )
    folder = Path(ctx.args.dir)
    if not folder.is_dir():
        raise UserError(f"no such folder: {folder}")
    path = folder / f"{case_id}.yaml"
    if path.exists() and not ctx.args.force:
        raise UserError(f"{path} exists; use --force to overwrite it")
    path.write_text(template_text(case_id), encoding="utf-8")
    print(f"wrote {path}; fill it in, then run `track2 validate {path}`")
    return 0
