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
from recogniser.errors import UserInputError, located
from recogniser.i18n import N_, Phrase, phrase, plural
from recogniser.inputs import MAX_JSON_DEPTH, nesting_depth
from recogniser.joining import Derived, alternatives, grouped, in_series, quoted
from recogniser.schemas import load_schema, schema_validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case file; ``path`` is dotted (``credential.workload.ects``), empty for the root.

    ``field`` is the field to fix: ``path`` itself, or for a missing required key the path of that key, so a
    form can put the message beside the empty field rather than its section. ``message`` is a phrase, shown in
    the reader's language; :meth:`line` names the field before it.
    """

    path: str
    message: str
    field: str = ""

    def __post_init__(self) -> None:
        if not self.field:
            object.__setattr__(self, "field", self.path)

    def line(self) -> str:
        """The problem named by its field: "credential.title: must not be empty" (a phrase)."""
        return located(self.path, self.message)

    def __str__(self) -> str:
        return self.line()


class CaseFileError(UserInputError):
    """The case file cannot be used. ``problems`` lists each issue with its field path."""

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        super().__init__(self.lines()[0] if problems else phrase("invalid case file"))

    def lines(self) -> list[str]:
        """One line per problem, each naming the file (when known) and the field (phrases)."""
        return [located(self.source or "", problem.line()) for problem in self.problems]


CASE_SCHEMA = "case-1.schema.json"


def case_schema() -> dict[str, Any]:
    return load_schema(CASE_SCHEMA)


def validation_problems(document: Any, *, schema_checked: bool = False) -> list[Problem]:
    """Every problem in ``document``, sorted by path, one per field: the schema's, then country codes that have
    the form of one but are not in ISO 3166-1 (docs/formats/case-file.md), and text holding NUL.

    ``schema_checked`` is for a document whose bytes passed every check before (``recogniser.checked_data``):
    the schema is not asked again, the checks written here in code are."""
    problems = [] if schema_checked else schema_problems(document, CASE_SCHEMA, N_("a case file"))
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
        message = phrase("the file cannot be complete before it was received ({received})", received=received)
        return [Problem("procedure.complete_on", message)]
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
        got = (
            phrase("{value}, the EU's abbreviation; ISO 3166-1 writes {code}", value=_shown(value), code=meant)
            if meant
            else _shown(value)
        )
        problems.append(Problem(path, phrase("must be an ISO 3166-1 alpha-2 country code (got {got})", got=got)))
    return problems


def _one_credential_key(document: Mapping[str, Any]) -> list[Problem]:
    """A case holds one ``credential`` or a list of ``credentials``: both at once would be read two ways."""
    if "credential" in document and "credentials" in document:
        message = phrase(
            "give either {one} or {many} (a list), not both", one=quoted("credential"), many=quoted("credentials")
        )
        return [Problem("credentials", message)]
    return []


def schema_problems(document: Any, schema_name: str, what: str) -> list[Problem]:
    """Every problem in ``document`` against the shipped schema ``schema_name``, sorted by path, one per field.

    ``what`` names the kind of file in the message when the document is not even a JSON object (marked with
    ``N_``: it is translated when shown).
    """
    if not isinstance(document, dict):
        message = phrase("{what} is a JSON object, not {kind}", what=Phrase(what), kind=_json_kind(document))
        return [Problem("", message)]
    if nesting_depth(document) > MAX_JSON_DEPTH:
        return [Problem("", phrase("nested more than {limit} levels deep", limit=MAX_JSON_DEPTH))]
    unencodable = _unencodable_text(document, "")
    if unencodable:
        return unencodable
    problems: dict[str, Problem] = {}
    for error in schema_validator(schema_name).iter_errors(document):
        for leaf in _leaf_errors(error):
            path = _dotted(leaf.absolute_path)
            problems.setdefault(path, Problem(path, schema_message(leaf), _field(leaf, path)))
    return sorted(problems.values(), key=lambda p: p.path)


def _unencodable_text(document: Any, path: str) -> list[Problem]:
    """Text JSON can carry but UTF-8 cannot (a lone surrogate escape such as \\ud800), by field."""
    if _all_encodable(document):
        return []  # the usual case, found at the JSON encoder's speed; the fields are looked for only otherwise
    problems = [
        Problem(where, phrase("holds a character that is not valid Unicode text (a lone surrogate)"), where)
        for where, text in _texts_with_paths(document, path)
        if not _encodable(text)
    ]
    return sorted(problems, key=lambda problem: problem.path)


def _nul_characters(document: Any) -> list[Problem]:
    """Text holding NUL (U+0000), which no database here can keep the same way (PostgreSQL refuses it), by field."""
    if "\\u0000" not in _json_text(document, ensure_ascii=True):
        return []  # the usual case, found at the JSON encoder's speed (it writes NUL as \u0000)
    problems = [
        Problem(where, phrase("holds a NUL character (U+0000); remove it"), where)
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


def schema_message(error: ValidationError) -> str:
    """What is wrong with the field, as a phrase for its kind of check: the field is named before it."""
    value = error.instance
    shown = _shown(value)
    validator = error.validator
    limit = error.validator_value
    if validator == "required":
        return phrase("{field} is required here", field=_missing_key(error))
    if validator == "const":
        return phrase("must be {wanted} (got {got})", wanted=_shown(limit), got=shown)
    if validator == "enum":
        allowed = in_series(str(v) for v in limit if v is not None)
        return phrase("must be one of {allowed} (got {got})", allowed=allowed, got=shown)
    if validator == "type":
        kinds = [kind for kind in (limit if isinstance(limit, list) else [limit]) if kind != "null"]
        wanted = alternatives([Phrase(_WANTED_KINDS[kind]) if kind in _WANTED_KINDS else kind for kind in kinds])
        got = shown if isinstance(value, str | int | float) and not isinstance(value, bool) else _json_kind(value)
        return phrase("must be {wanted} (got {got})", wanted=wanted, got=got)
    if validator == "minimum":
        return phrase("must be at least {limit} (got {got})", limit=limit, got=shown)
    if validator == "exclusiveMinimum":
        return phrase("must be greater than {limit} (got {got})", limit=limit, got=shown)
    if validator == "maximum":
        return phrase("must be at most {limit} (got {got})", limit=limit, got=shown)
    if validator == "format" or (validator == "pattern" and limit == _DATE_PATTERN):
        if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
            return phrase("{date} is not a date in the calendar", date=value)
        return phrase("must be a date written year-month-day, such as 2025-03-14 (got {got})", got=shown)
    if validator == "pattern":
        # A pattern's description says the form it wants where it is one of PATTERN_WORDS (others say what the
        # field means); the two-capital one otherwise undescribed is a country code.
        described = error.schema.get("description")
        if described not in PATTERN_WORDS:
            described = _COUNTRY_CODE if limit == "^[A-Z]{2}$" else None
        if described is None:
            return phrase("is not of the form this field takes (got {got})", got=shown)
        return phrase("must be {wanted} (got {got})", wanted=Phrase(described), got=shown)
    if validator == "minLength":
        return phrase("must not be empty")
    if validator == "maxLength":
        return phrase(
            "is too long ({length} characters; at most {limit})", length=grouped(len(value)), limit=grouped(limit)
        )
    if validator == "minItems":
        return plural("needs at least {n} entry", "needs at least {n} entries", n=limit)
    if validator == "maxItems":
        return phrase(
            "has too many entries ({count}; at most {limit})", count=grouped(len(value)), limit=grouped(limit)
        )
    if validator == "additionalProperties" and isinstance(value, dict):
        known = set(error.schema.get("properties", {}))
        extra = sorted(str(key) for key in value if key not in known)
        return plural(
            "{fields} is not a field of this format",
            "{fields} are not fields of this format",
            n=len(extra),
            fields=in_series(quoted(key) for key in extra),
        )
    return str(error.message)  # a check the schemas here do not use: jsonschema's own words


#: The words for what a JSON Schema type asks for, as an evaluator reads them.
_WANTED_KINDS = {
    "number": N_("a number, such as 5 or 2.5"),
    "integer": N_("a whole number, such as 6"),
    "string": N_("text"),
    "boolean": N_("yes or no (true or false)"),
    "array": N_("a list"),
    "object": N_("a group of fields"),
}
#: What a value of a shipped schema's described patterns must be (the descriptions, marked to be translated).
_COUNTRY_CODE = N_("an ISO 3166-1 alpha-2 country code such as HR or IE")
PATTERN_WORDS = (
    N_("a SHA-256 hash as 64 lowercase hexadecimal digits"),
    N_("letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters"),
    N_(
        "Country code (UK-ENI, UK-SCT, UK-WLS and BE-FL, BE-FR, BE-DE for sub-national frameworks), a hyphen and the "
        "framework's usual acronym in capitals, e.g. HR-CROQF."
    ),
    N_("ISO 3166-1 alpha-2 (GB for the United Kingdom frameworks; XK for Kosovo)."),
    N_("ISO 3166-1 alpha-2 (XK for Kosovo)"),
)
#: The pattern of a date written year-month-day; what it means is the schema's description, what it asks for
#: is said as for a date.
_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
#: A date written in the case format's shape, whether or not the calendar has it.
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _GivenValue(Derived):
    """A value as the file gives it, written as JSON (cut short past 40 characters): a text in the reader's
    quotation marks ("HR" in English, « HR » in French), anything else as written."""

    @classmethod
    def read(cls, value: str, language: str) -> str:
        if language != "en" and len(value) >= 2 and value[0] == '"' and value[-1] in '".':
            inner = value[1:-1] if value.endswith('"') else value[1:]
            return quoted(inner).text(language)
        return value


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return _GivenValue(text if len(text) <= 40 else text[:37] + "...")


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return Phrase(N_("a boolean"))
    if isinstance(value, int | float):
        return Phrase(N_("a number"))
    if isinstance(value, str):
        return Phrase(N_("a string"))
    if isinstance(value, list):
        return Phrase(N_("a list"))
    return Phrase(N_("an object"))


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
