"""A case's credential as one record: the title, awarding body, countries, level and ECTS of its one credential,
or of a stack of several.

The register publishes it and precedents compare cases by it, so a stack reads the same in both: its parts'
titles joined by " + ", its other texts each once joined by "; ", the EQF level where every part shares it
(parts at different levels have no one level), and the parts' ECTS added up where every part states them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from recogniser.casefile import credential_documents
from recogniser.model import plain_number


class CredentialSummary(NamedTuple):
    title: str | None
    awarding_body: str | None
    awarding_body_country: str | None
    issuer_country: str | None
    framework: str | None
    nqf_level: str | None
    eqf_level: int | None
    ects: float | int | None

    @classmethod
    def of(cls, document: Mapping[str, Any]) -> CredentialSummary:
        """Read from a ``recogniser-case/1`` document (its ``credential`` or its ``credentials``)."""
        return cls.of_credentials([json_object(item) for item in credential_documents(document)])

    @classmethod
    def of_credentials(cls, credentials: list[Mapping[str, Any]]) -> CredentialSummary:
        if len(credentials) == 1:
            return _one(credentials[0])
        parts = list(zip(*map(_one, credentials), strict=True))
        title, body, body_country, country, framework, nqf_level = (
            (" + " if index == 0 else "; ").join(dict.fromkeys(text for text in parts[index] if text)) or None
            for index in range(6)
        )
        levels, workloads = set(parts[6]), parts[7]
        ects = None if None in workloads else plain_number(sum(workloads))
        eqf_level = levels.pop() if len(levels) == 1 else None
        return cls(title, body, body_country, country, framework, nqf_level, eqf_level, ects)


def _one(credential: Mapping[str, Any]) -> CredentialSummary:
    body = json_object(credential.get("awarding_body"))
    level = json_object(credential.get("level"))
    return CredentialSummary(
        json_text(credential.get("title")),
        json_text(body.get("name")),
        json_text(body.get("country")),
        json_text(credential.get("issuer_country")),
        json_text(level.get("framework")),
        json_text(level.get("nqf_level")),
        json_int(level.get("eqf_level")),
        json_number(json_object(credential.get("workload")).get("ects")),
    )


# Reading a case text's values, which may be of any JSON type whatever the schema says (a text kept by an earlier
# version, a register's partial text): the register reads them the same way.


def json_object(value: Any) -> Mapping[str, Any]:
    if type(value) is dict:  # what JSON gives, told apart without the slower check for any mapping
        return value
    return value if isinstance(value, Mapping) else {}


def json_text(value: Any) -> str | None:
    if type(value) is str:
        return value.strip() or None
    return value.strip() or None if isinstance(value, str) else None


def json_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def json_number(value: Any) -> float | int | None:
    return plain_number(float(value)) if isinstance(value, int | float) and not isinstance(value, bool) else None
