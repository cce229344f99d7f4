"""The JSON Schemas the project ships, loaded once each."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator


@cache
def load_schema(file_name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resources.files(__name__).joinpath(file_name).read_text("utf-8"))
    return schema


@cache
def schema_validator(file_name: str) -> Draft202012Validator:
    """A validator that also checks formats such as ``date``; jsonschema is loaded by the first one asked for."""
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(load_schema(file_name), format_checker=FormatChecker())
