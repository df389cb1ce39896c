"""Hostile input: whatever bytes a case file holds, loading returns problems and never raises."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.loader import load_case
from tests.casefiles import filled_case as template_text

TEMPLATE = template_text("fuzz-case")
YAML_BITS = [
    "\n",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!python/object ",
    "'",
    '"',
    "\t",
    "---\n",
    "...\n",
    "? ",
    "|",
    ">-",
    "#",
    "%YAML 1.1\n",
    "<<: ",
    "\x00",
    "\ufeff",
]


def _check(tmp: Path, raw: bytes) -> None:
    path = tmp / "fuzz-case.yaml"
    path.write_bytes(raw)
    loaded = load_case(path)
    assert (loaded.value is None) == bool(loaded.problems)
    for p in loaded.problems:
        assert p.path == str(path) and p.message
        assert p.line >= 0 and p.column >= 0


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(tmp_path: Path, raw: bytes) -> None:
    _check(tmp_path, raw)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=8), max_size=60))
def test_yaml_shaped_noise_never_raises(tmp_path: Path, bits: list[str]) -> None:
    _check(tmp_path, "".join(bits).encode("utf-8", "surrogatepass"))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.integers(0, len(TEMPLATE) - 1), st.integers(0, 40), st.sampled_from(YAML_BITS + ["x", "1"])
)
def test_mutated_template_never_raises(tmp_path: Path, at: int, cut: int, insert: str) -> None:
    text = TEMPLATE[:at] + insert + TEMPLATE[at + cut :]
    _check(tmp_path, text.encode("utf-8", "surrogatepass"))
