"""The fastest safe YAML loader available: libyaml's when PyYAML was built with it."""

from __future__ import annotations

import yaml

SafeLoader: type[yaml.SafeLoader]
try:
    SafeLoader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    SafeLoader = yaml.SafeLoader
