"""The columns a case row keeps beside its document, so that lists and searches never parse JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

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

    @classmethod
    def of(cls, document: Mapping[str, Any]) -> CaseColumns:
        """Read from a valid ``recogniser-case/1`` document (blank text counts as absent)."""
        credential = _object(document.get("credential"))
        learner = _object(credential.get("learner"))
        body = _object(credential.get("awarding_body"))
        procedure = _object(document.get("procedure"))
        return cls(
            reference=_text(document.get("reference")),
            purpose=str(document["purpose"]),
            learner_name=_text(learner.get("name")),
            learner_identifier=_text(learner.get("identifier")),
            title=_text(credential.get("title")),
            awarding_body=_text(body.get("name")),
            issuer_country=_text(credential.get("issuer_country")),
            received_on=_date(procedure.get("received_on")),
            complete_on=_date(procedure.get("complete_on")),
        )

    def search_terms(self) -> set[str]:
        """What a search finds this case by: its reference, learner, title and awarding body."""
        return index_terms([self.reference, self.learner_name, self.learner_identifier, self.title, self.awarding_body])


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None
