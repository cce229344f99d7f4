"""Check a ``recogniser-case/1`` file (docs/formats/case-file.md): against its JSON Schema, then what a schema
cannot say (country codes in ISO 3166-1, one credential key, text without NUL, the procedure's fields).

Every problem names its field path, so a person can act on it and a form can show it beside the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from recogniser.countries import EU_ABBREVIATIONS, is_alpha2
from recogniser.errors import UserInputError
from recogniser.inputs import MAX_JSON_DEPTH, nesting_depth
from recogniser.schemas import load_schema, schema_validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case file; ``path`` is dotted (``credential.workload.ects``), empty for the root.

    ``field`` is the field to fix: ``path`` itself, or for a missing required key the path of that key, so a
    form can put the message beside the empty field rather than its section.
    """

    path: str
    message: str
    field: str = ""

    def __post_init__(self) -> None:
        if not self.field:
            object.__setattr__(self, "field", self.path)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CaseFileError(UserInputError):
    """The case file cannot be used. ``problems`` lists each issue with its field path."""

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        super().__init__(self.lines()[0] if problems else "invalid case file")

    def lines(self) -> list[str]:
        """One line per problem, each naming the file (when known) and the field."""
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{problem}" for problem in self.problems]


CASE_SCHEMA = "case-1.schema.json"


def case_schema() -> dict[str, Any]:
    return load_schema(CASE_SCHEMA)


def validation_problems(document: Any, *, schema_checked: bool = False) -> list[Problem]:
    """Every problem in ``document``, sorted by path, one per field: the schema's, then country codes that have
    the form of one but are not in ISO 3166-1 (docs/formats/case-file.md), and text holding NUL.

    ``schema_checked`` is for a document whose bytes passed every check before (``recogniser.checked_data``):
    the schema is not asked again, the checks written here in code are."""
    problems = [] if schema_checked else schema_problems(document, CASE_SCHEMA, "a case file")
    if not isinstance(document, dict):
        return problems
    reported = {problem.path for problem in problems}
    found = (
        _one_credential_key(document)
        + _country_problems(document)
        + _nul_characters(document)
        + _procedure_problems(document)
    )
    more = [p for p in found if p.path not in reported]
    return sorted(problems + more, key=lambda p: p.path) if more else problems


def _procedure_problems(document: Mapping[str, Any]) -> list[Problem]:
    """A file cannot be complete before it was received."""
    procedure = document.get("procedure")
    if not isinstance(procedure, Mapping):
        return []
    try:
        received, complete = (
            None if (value := procedure.get(key)) is None else date.fromisoformat(value)
            for key in ("received_on", "complete_on")
        )
    except (TypeError, ValueError):
        return []  # of a form the schema reports
    if received is not None and complete is not None and complete < received:
        return [Problem("procedure.complete_on", f"the file cannot be complete before it was received ({received})")]
    return []


#: Where a case file holds a country (ISO 3166-1 alpha-2), below the credential (or each item of credentials).
_COUNTRY_FIELDS = (("issuer_country",), ("awarding_body", "country"))


def _credential_paths(document: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Each credential object of ``document`` with its dotted path: ``credential``, or ``credentials[i]``."""
    items = document.get("credentials")
    if isinstance(items, list):
        return [(f"credentials[{index}]", item) for index, item in enumerate(items)]
    return [("credential", document.get("credential"))]


def _country_problems(document: Mapping[str, Any]) -> list[Problem]:
    places: list[tuple[str, Any]] = [("assessing_country", document.get("assessing_country"))]
    for path, credential in _credential_paths(document):
        for keys in _COUNTRY_FIELDS:
            value: Any = credential
            for key in keys:
                value = value.get(key) if isinstance(value, Mapping) else None
            places.append((".".join((path, *keys)), value))
    problems = []
    for path, value in places:
        if not isinstance(value, str) or len(value) != 2 or not value.isupper() or is_alpha2(value):
            continue  # absent, or of a form the schema reports
        meant = EU_ABBREVIATIONS.get(value)
        got = f"{_shown(value)}, the EU's abbreviation; ISO 3166-1 writes {meant}" if meant else _shown(value)
        problems.append(Problem(path, f"must be an ISO 3166-1 alpha-2 country code (got {got})"))
    return problems


def _one_credential_key(document: Mapping[str, Any]) -> list[Problem]:
    """A case holds one ``credential`` or a list of ``credentials``: both at once would be read two ways."""
    if "credential" in document and "credentials" in document:
        return [Problem("credentials", "give either credential or credentials (a list), not both")]
    return []


def schema_problems(document: Any, schema_name: str, what: str) -> list[Problem]:
    """Every problem in ``document`` against the shipped schema ``schema_name``, sorted by path, one per field.

    ``what`` names the kind of file in the message when the document is not even a JSON object.
    """
    if not isinstance(document, dict):
        return [Problem("", f"{what} is a JSON object, not {_json_kind(document)}")]
    if nesting_depth(document) > MAX_JSON_DEPTH:
        return [Problem("", f"nested more than {MAX_JSON_DEPTH} levels deep")]
    unencodable = _unencodable_text(document, "")
    if unencodable:
        return unencodable
    problems: dict[str, Problem] = {}
    for error in schema_validator(schema_name).iter_errors(document):
        for leaf in _leaf_errors(error):
            path = _dotted(leaf.absolute_path)
            problems.setdefault(path, Problem(path, _message(leaf), _field(leaf, path)))
    return sorted(problems.values(), key=lambda p: p.path)


def _unencodable_text(document: Any, path: str) -> list[Problem]:
    """Text JSON can carry but UTF-8 cannot (a lone surrogate escape such as \\ud800), by field."""
    if _all_encodable(document):
        return []  # the usual case, found at the JSON encoder's speed; the fields are looked for only otherwise
    problems = [
        Problem(where, "holds a character that is not valid Unicode text (a lone surrogate)", where)
        for where, text in _texts_with_paths(document, path)
        if not _encodable(text)
    ]
    return sorted(problems, key=lambda problem: problem.path)


def _nul_characters(document: Any) -> list[Problem]:
    """Text holding NUL (U+0000), which no database here can keep the same way (PostgreSQL refuses it), by field."""
    if "\\u0000" not in _json_text(document, ensure_ascii=True):
        return []  # the usual case, found at the JSON encoder's speed (it writes NUL as \u0000)
    problems = [
        Problem(where, "holds a NUL character (U+0000); remove it", where)
        for where, text in _texts_with_paths(document, "")
        if "\x00" in text
    ]
    return sorted(problems, key=lambda problem: problem.path)


def _all_encodable(document: Any) -> bool:
    try:
        _json_text(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_text(document: Any, *, ensure_ascii: bool) -> str:
    """``document`` as JSON text for a quick look, or an escaped NUL and a lone surrogate when it cannot be
    written (nested too deep, a value of another kind), so that the callers look field by field."""
    try:
        return json.dumps(document, ensure_ascii=ensure_ascii)
    except (TypeError, ValueError, RecursionError):
        return "\\u0000\ud800"


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _texts_with_paths(document: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every string in ``document``, keys included, with the dotted path of its field (a loop, not recursion:
    the document may nest as deep as the JSON reader allows)."""
    pending: list[tuple[str, Any]] = [(path, document)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, child in value.items():
                yield where, str(key)
                pending.append((f"{where}.{key}" if where else str(key), child))
        elif isinstance(value, list):
            pending += [(f"{where}[{index}]", child) for index, child in enumerate(value)]


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    # if/then and $ref errors wrap the real cause; report the cause, which names the field.
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def _dotted(path: Any) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _missing_key(error: ValidationError) -> str:
    return str(error.message).split("'")[1] if "'" in str(error.message) else "a field"


def _field(error: ValidationError, path: str) -> str:
    if error.validator != "required":
        return path
    missing = _missing_key(error)
    return f"{path}.{missing}" if path else missing


def _message(error: ValidationError) -> str:
    value = error.instance
    shown = _shown(value)
    validator = error.validator
    if validator == "required":
        return f"{_missing_key(error)} is required here"
    if validator == "const":
        return f"must be {json.dumps(error.validator_value)} (got {shown})"
    if validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value if v is not None)
        return f"must be one of {allowed} (got {shown})"
    if validator == "type":
        wanted = error.validator_value
        kinds = [kind for kind in (wanted if isinstance(wanted, list) else [wanted]) if kind != "null"]
        wanted_text = " or ".join(_WANTED_KINDS.get(kind, kind) for kind in kinds)
        got = shown if isinstance(value, str | int | float) and not isinstance(value, bool) else _json_kind(value)
        return f"must be {wanted_text} (got {got})"
    if validator == "minimum":
        return f"must be at least {error.validator_value} (got {shown})"
    if validator == "exclusiveMinimum":
        return f"must be greater than {error.validator_value} (got {shown})"
    if validator == "maximum":
        return f"must be at most {error.validator_value} (got {shown})"
    if validator == "format":
        if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
            return f"{value} is not a date in the calendar"
        return f"must be a date written year-month-day, such as 2025-03-14 (got {shown})"
    if validator == "pattern":
        # A pattern's schema describes the form it wants; the case format's only undescribed one is the country.
        wanted = error.schema.get("description", "an ISO 3166-1 alpha-2 country code such as HR or IE")
        return f"must be {wanted} (got {shown})"
    if validator == "minLength":
        return "must not be empty"
    if validator == "maxLength":
        return f"is too long ({len(value):,} characters; at most {error.validator_value:,})"
    if validator == "maxItems":
        return f"has too many entries ({len(value):,}; at most {error.validator_value:,})"
    return str(error.message)


#: The words for what a JSON Schema type asks for, as an evaluator reads them.
_WANTED_KINDS = {
    "number": "a number, such as 5 or 2.5",
    "integer": "a whole number, such as 6",
    "string": "text",
    "boolean": "yes or no (true or false)",
    "array": "a list",
    "object": "a group of fields",
}
#: A date written in the case format's shape, whether or not the calendar has it.
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def unknown_keys(document: Mapping[str, Any]) -> tuple[str, ...]:
    """Dotted paths of keys the case format does not define (kept, and reported as a warning)."""
    found: list[str] = []
    _walk_unknown(document, case_schema(), case_schema(), "", found)
    return tuple(sorted(found))


def _walk_unknown(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any], path: str, found: list[str]) -> None:
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        schema = root["$defs"][name]
    if isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(value):
            _walk_unknown(item, schema["items"], root, f"{path}[{index}]", found)
        return
    properties = schema.get("properties")
    if not isinstance(value, dict) or properties is None:
        return
    for key, child in value.items():
        child_path = f"{path}.{key}" if path else key
        if key not in properties:
            found.append(child_path)
        else:
            _walk_unknown(child, properties[key], root, child_path, found)
