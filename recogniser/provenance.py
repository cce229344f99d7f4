"""Where an imported case came from and how far its credential is shown to be authentic.

An import records this under ``provenance`` in the case file (a compatible extension of ``recogniser-case/1``):
the source file and its SHA-256, the signature's result in one of the tiers below with its reason and the
signer, the validity period, the status-list entries and each Annex I element's origin. The assessment, the
report, the window and the command line all read it through :func:`provenance_of` and word a tier with
the vocabulary's words (:mod:`recogniser.vocabulary`), so the same words appear everywhere, in the reader's
language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from recogniser.authenticity_reasons import reason_of
from recogniser.i18n import N_, Phrase, phrase


class Authenticity(StrEnum):
    """How far a credential file is shown to be genuine, strongest first."""

    #: The signature is intact, the signer is bound to the issuer, and its certificate chains to a trust anchor
    #: the office configured.
    VERIFIED = "verified"
    #: Intact, and the signer names the issuer, but nothing the office trusts vouches for the signer.
    SIGNER_NOT_ESTABLISHED = "signer_not_established"
    #: Intact, but signed by someone who is neither the issuer nor the awarding body.
    OTHER_SIGNER = "other_signer"
    #: The signature does not match: the file was changed after signing, or the signature is broken.
    FAILED = "failed"
    #: A signature or proof is present that this offline tool cannot check (a linked-data proof, a key it
    #: would have to fetch).
    NOT_CHECKED = "not_checked"
    #: The file carries no signature at all: it proves no more than a paper copy.
    NO_SIGNATURE = "no_signature"


#: What a failed signature asks of the applicant: the recommendation stops there (LRC Art. III.3).
AUTHENTIC_CREDENTIAL_REQUIRED = phrase("an authentic credential (verification with the issuer)")


def authenticity_line(status: Authenticity, reason: str) -> Phrase:
    """``Authenticity: intact, signer not established - <reason>``: the one sentence every front end shows, the tier
    and the reason (:mod:`recogniser.authenticity_reasons`) in the reader's language."""
    if reason:
        return phrase("Authenticity: {status} - {reason}", status=status, reason=reason)
    return phrase("Authenticity: {status}", status=status)


#: The status purposes of a W3C status list in words; another purpose is shown as the file gives it.
_STATUS_PURPOSES = {"revocation": N_("revocation"), "suspension": N_("suspension")}


@dataclass(frozen=True)
class StatusEntry:
    """A status-list entry (revocation or suspension) a credential points to; checking it needs the network."""

    purpose: str
    address: str
    index: str | None = None
    kind: str | None = None

    def words(self) -> Phrase:
        known = _STATUS_PURPOSES.get(self.purpose)
        purpose = Phrase(known) if known else self.purpose
        if self.index is not None:
            return phrase(
                "{purpose} status not checked: check entry {index} of {address}",
                purpose=purpose,
                index=self.index,
                address=self.address,
            )
        return phrase("{purpose} status not checked: check {address}", purpose=purpose, address=self.address)


@dataclass(frozen=True)
class Provenance:
    """The ``provenance`` object of an imported case, as the assessment and the front ends read it."""

    authenticity: Authenticity
    #: Why, a phrase shown in the reader's language (:func:`~recogniser.authenticity_reasons.reason_of`).
    reason: str
    source_format: str | None = None
    file_name: str | None = None
    sha256: str | None = None
    imported_on: date | None = None
    signer: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    status_entries: tuple[StatusEntry, ...] = ()

    @property
    def line(self) -> Phrase:
        return authenticity_line(self.authenticity, self.reason)


def provenance_of(document: Mapping[str, Any]) -> Provenance | None:
    """The provenance of a case document; None for a case entered by hand (or a provenance not readable)."""
    data = document.get("provenance")
    if not isinstance(data, Mapping):
        return None
    authenticity = data.get("authenticity")
    if not isinstance(authenticity, Mapping):
        return None
    try:
        status = Authenticity(str(authenticity.get("status")))
    except ValueError:
        return None
    source = _mapping(data.get("source"))
    signer = _mapping(authenticity.get("signer"))
    validity = _mapping(data.get("validity"))
    entries = tuple(
        StatusEntry(
            purpose=_text(entry.get("purpose")) or "revocation",
            address=_text(entry.get("address")) or "",
            index=_text(entry.get("index")),
            kind=_text(entry.get("type")),
        )
        for entry in data.get("status", [])
        if isinstance(entry, Mapping) and _text(entry.get("address"))
    )
    return Provenance(
        authenticity=status,
        reason=reason_of(authenticity),
        source_format=_text(source.get("format")),
        file_name=_text(source.get("file_name")),
        sha256=_text(source.get("sha256")),
        imported_on=_date(source.get("imported_on")),
        signer=_text(signer.get("name")) or _text(signer.get("identifier")),
        valid_from=_date(validity.get("valid_from")),
        valid_until=_date(validity.get("valid_until")),
        status_entries=entries,
    )


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
