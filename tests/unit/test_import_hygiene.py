"""Layers point one way; only tui imports Textual, only search_index imports Whoosh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FORBIDDEN = {
    "cases": ("textual", "rich", "whoosh", "briefings", "search_index", "tui"),
    "briefings": ("textual", "whoosh", "search_index", "tui"),
    "search_index": ("textual", "briefings", "tui"),
    "tui.cli": ("textual", "whoosh"),
}


def loaded_modules(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()} | set(out.stdout.split())


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_import_pulls_in_nothing_forbidden(package: str) -> None:
    modules = loaded_modules(f"import {package}")
    bad = [m for m in FORBIDDEN[package] if m in modules]
    assert not bad, f"importing {package} loads {bad}"


def test_every_module_of_a_package_respects_its_layer() -> None:
    """Import each submodule too, so a lazy import inside a package cannot hide a violation."""
    import pkgutil

    for package, forbidden in FORBIDDEN.items():
        if "." in package:
            continue
        mod = __import__(package)
        names = [f"{package}.{m.name}" for m in pkgutil.walk_packages(mod.__path__)]
        modules = loaded_modules("\n".join(f"import {n}" for n in names))
        bad = [m for m in forbidden if m in modules]
        assert not bad, f"a module of {package} loads {bad}"


def test_cli_commands_other_than_browse_do_not_import_textual() -> None:
    modules = loaded_modules(
        "from tui.cli import main\nmain(['show', 'oslo-back-channel', '--format', 'json'])"
    )
    assert "textual" not in modules
    assert "whoosh" not in modules


def test_list_and_search_on_a_current_index_read_no_yaml() -> None:
    """list and search answer from the index's stored fields: once the index is current they
    load neither the case model (pydantic) nor Rich (for --json); a search that names no
    vocabulary reads no YAML, and the version costs no package metadata."""
    warm = "from tui.cli import main\nmain(['list', '--json'])"
    loaded_modules(warm)  # builds the index in this test's cache folder
    for command in ("['list', '--json']", "['search', 'trust', '--json']"):
        modules = loaded_modules(f"from tui.cli import main\nmain({command})")
        assert "pydantic" not in modules, command
        assert "rich" not in modules, command
        assert "textual" not in modules, command
    search = loaded_modules("from tui.cli import main\nmain(['search', 'trust', '--json'])")
    assert "yaml" not in search and "importlib.metadata" not in search


def test_first_frame_path_does_not_pay_for_pydantic() -> None:
    """The TUI names its folders and builds its app before the case model is needed."""
    modules = loaded_modules("import tui.cli, tui.app, tui.state, cases.dirs, cases.paths")
    assert "pydantic" not in modules


MODULES_WITH_ALL = ("cases", "cases.document", "briefings", "briefings.export", "search_index")


@pytest.mark.parametrize("module", MODULES_WITH_ALL)
def test_every_name_in_all_is_defined(module: str) -> None:
    """``from M import *`` takes every name in ``__all__``, so a name listed there but defined
    nowhere (a lazy table that lost it, a renamed function) fails here, in a fresh process."""
    code = (
        f"import importlib\nm = importlib.import_module({module!r})\n"
        f"ns = {{}}\n"
        f"exec('from {module} import *', ns)\n"
        "missing = [n for n in m.__all__ if n not in ns]\n"
        "assert not missing, missing\n"
        "print(len(m.__all__))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 0


def test_cases_package_names_resolve_to_their_homes() -> None:
    import cases
    from cases.dirs import LibraryDir
    from cases.library import Library, load_library
    from cases.model import Case

    assert cases.Case is Case and cases.load_library is load_library
    assert cases.Library is Library and cases.LibraryDir is LibraryDir
    with pytest.raises(AttributeError):
        cases.NoSuchName  # noqa: B018


def test_command_modules_are_listed_once_and_share_helpers_not_each_other() -> None:
    """One list names every command in help order; no command imports another command (shared
    helpers live in tui/cli/common.py, hits.py, output.py and context.py)."""
    import ast

    from tui.cli import COMMANDS, build_parser

    folder = Path(__file__).resolve().parents[2] / "tui" / "cli" / "commands"
    files = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    assert sorted(COMMANDS) == files
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("tui.cli.commands."), (path.name, node.module)
    help_text = build_parser().format_help().split("commands:", 1)[1]
    shown = [line.split()[0] for line in help_text.splitlines() if line.startswith("    ")]
    assert [c for c in shown if c in COMMANDS] == list(COMMANDS)


def test_cli_helpers_do_not_import_the_cli_package_back() -> None:
    modules = loaded_modules("import tui.cli.common, tui.cli.output, tui.cli.context")
    assert "tui.cli.commands" not in modules


def test_search_on_a_current_index_reads_no_yaml_parser_for_agreements() -> None:
    """The agreements' store is only stat()ed on open: finding where it lives loads no YAML."""
    modules = loaded_modules("from cases.pax import store_path\nstore_path()")
    assert "yaml" not in modules and "pydantic" not in modules
