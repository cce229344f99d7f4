"""A credential's validity period and status-list entries: kept in the case's provenance, never checked online.

The case format has no field for either, so the import report lists them among what it could not use. A
status list (W3C Bitstring Status List, its predecessor StatusList2021, a revocation list) can only be read at
its address, which an offline tool does not visit: the entry is recorded with that address and reported as
"not checked".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from recogniser.interchange.elements import CredentialDraft
from recogniser.interchange.jsonld import as_list, identifier_of, nodes

#: Where each data model puts the end of validity: VC 2.0 ``validUntil``, VC 1.1 ``expirationDate``, ELM
#: ``expirationDate`` as well.
_UNTIL = ("validUntil", "expirationDate")
_FROM = ("validFrom", "issuanceDate", "issued")


@dataclass(frozen=True)
class Lifetime:
    valid_from: str | None
    valid_until: str | None
    until_source: str | None
    status: tuple[dict[str, str], ...]

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        validity = {
            key: value
            for key, value in (
                ("valid_from", self.valid_from),
                ("valid_until", self.valid_until),
                ("until_source", self.until_source),
            )
            if value
        }
        if validity:
            data["validity"] = validity
        if self.status:
            data["status"] = list(self.status)
        return data


def read_lifetime(credential: dict[str, Any], draft: CredentialDraft) -> Lifetime:
    """The validity period and status entries of ``credential``; each is listed as not used in the case."""
    valid_from = next((_text(credential.get(key)) for key in _FROM if _text(credential.get(key))), None)
    until_key = next((key for key in _UNTIL if _text(credential.get(key))), None)
    valid_until = _text(credential.get(until_key)) if until_key else None
    if valid_until:
        draft.not_using(
            f"Validity period: valid until {valid_until} ({until_key}); the case has no field for it, it is kept "
            "with the case's provenance and the assessment says whether the credential had expired"
        )
    entries = []
    for entry in nodes(credential.get("credentialStatus")):
        address = _text(entry.get("statusListCredential")) or _text(entry.get("revocationList")) or identifier_of(entry)
        if not address:
            continue
        record = {"purpose": _text(entry.get("statusPurpose")) or "revocation", "address": address}
        index = _text(entry.get("statusListIndex")) or _text(entry.get("revocationListIndex"))
        if index is not None:
            record["index"] = index
        kind = " ".join(str(item) for item in as_list(entry.get("type")) if isinstance(item, str))
        if kind:
            record["type"] = kind
        entries.append(record)
        where = f"entry {index} of {address}" if index is not None else address
        draft.not_using(
            f"Status list ({record['purpose']}): not checked, this offline import does not fetch it; check {where}"
        )
    return Lifetime(valid_from, valid_until, until_key, tuple(entries))


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value).strip() or None
