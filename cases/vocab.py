"""The shared vocabularies (themes, regions, countries, tags...) from ``vocab.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Vocabulary:
    """Every controlled vocabulary: id -> human label, in file order."""

    themes: dict[str, str]
    regions: dict[str, str]
    countries: dict[str, str]
    actor_types: dict[str, str]
    actor_roles: dict[str, str]
    tags: dict[str, str]
    audiences: dict[str, str]
    relations: dict[str, str]
    regions_within: dict[str, str]
    """Sub-region -> the region it lies within (not a vocabulary of its own)."""

    def region_and_within(self, region: str) -> list[str]:
        """``region`` and every region that lies within it, at any depth, in vocabulary order."""
        inside = {region}
        grew = True
        while grew:
            more = {child for child, parent in self.regions_within.items() if parent in inside}
            grew = not more <= inside
            inside |= more
        return [r for r in self.regions if r in inside]

    def label(self, kind: str, key: str) -> str:
        """The human label of ``key`` in vocabulary ``kind`` (the key itself if unknown)."""
        table: dict[str, str] = getattr(self, kind)
        return table.get(key, key)


@cache
def vocabulary() -> Vocabulary:
    """The vocabularies shipped with the package (read once)."""
    import yaml  # here: a search that names no vocabulary never reads YAML

    from cases.yamlsafe import SafeLoader

    text = resources.files("cases").joinpath("vocab.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - SafeLoader is the C safe loader
    tables = {k: {str(a): str(b) for a, b in v.items()} for k, v in data.items()}
    tables["countries"] = _countries(tables["countries"])
    return Vocabulary(**tables)


def _countries(overrides: dict[str, str]) -> dict[str, str]:
    """ISO 3166-1 alpha-2 codes from pycountry, named as vocab.yaml says where it says."""
    import pycountry

    table = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    table.update(overrides)
    return dict(sorted(table.items(), key=lambda kv: kv[1]))
