"""JSON Schemas of the file formats, for editors (yaml-language-server) and tooling."""

from __future__ import annotations

from typing import Any

from cases.glossary import Glossary
from cases.model import Case


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case file."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "track2 case"
    return schema


def glossary_schema() -> dict[str, Any]:
    """The JSON Schema of the glossary file."""
    schema = Glossary.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "track2 glossary"
    return schema
