"""The columns a case row keeps beside its document, so that lists and searches never parse JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from recogniser.casefile import credential_documents
from recogniser.store.search import index_terms


@dataclass(frozen=True)
class CaseColumns:
    reference: str | None
    purpose: str
    learner_name: str | None
    learner_identifier: str | None
    title: str | None
    awarding_body: str | None
    issuer_country: str | None
    received_on: date | None
    complete_on: date | None
    #: How many credentials the case holds (a stack holds several); the columns above are the first's.
    credential_count: int = 1
    #: The learner, title and awarding body of every credential after the first, for search.
    more_texts: tuple[str | None, ...] = ()

    @classmethod
    def of(cls, document: Mapping[str, Any]) -> CaseColumns:
        """Read from a valid ``recogniser-case/1`` document (blank text counts as absent)."""
        credentials = [_object(item) for item in credential_documents(document)]
        first = credentials[0]
        learner = _object(first.get("learner"))
        body = _object(first.get("awarding_body"))
        procedure = _object(document.get("procedure"))
        return cls(
            reference=_text(document.get("reference")),
            purpose=str(document["purpose"]),
            learner_name=_text(learner.get("name")),
            learner_identifier=_text(learner.get("identifier")),
            title=_text(first.get("title")),
            awarding_body=_text(body.get("name")),
            issuer_country=_text(first.get("issuer_country")),
            received_on=_date(procedure.get("received_on")),
            complete_on=_date(procedure.get("complete_on")),
            credential_count=len(credentials),
            more_texts=tuple(text for credential in credentials[1:] for text in _searchable(credential)),
        )

    def search_terms(self) -> set[str]:
        """What a search finds this case by: its reference, and the learner, title and awarding body of each of its
        credentials."""
        return index_terms(
            [
                self.reference,
                self.learner_name,
                self.learner_identifier,
                self.title,
                self.awarding_body,
                *self.more_texts,
            ]
        )


def _searchable(credential: Mapping[str, Any]) -> tuple[str | None, ...]:
    learner = _object(credential.get("learner"))
    body = _object(credential.get("awarding_body"))
    return (
        _text(learner.get("name")),
        _text(learner.get("identifier")),
        _text(credential.get("title")),
        _text(body.get("name")),
    )


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None
