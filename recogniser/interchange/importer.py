"""Turn a Europass (ELM v3) or Open Badges 3.0 credential file into a ``recogniser-case/1`` document.

The front ends (the ``import`` command, the window's import menu and drag-and-drop) call
:func:`import_credential` and show its :class:`ImportResult`: the case document, where each Annex I element came
from, the signature status and warnings. A file that is not such a credential raises
:class:`CredentialImportError` with a one-line reason.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from recogniser.casefile import validation_problems
from recogniser.countries import alpha2
from recogniser.interchange.elements import CredentialDraft, ElementReport
from recogniser.interchange.errors import CredentialImportError
from recogniser.interchange.europass import is_europass, map_europass
from recogniser.interchange.jsonld import as_list, identifier_of, types_of
from recogniser.interchange.openbadges import is_open_badge, map_open_badge
from recogniser.interchange.signatures import (
    SignatureCheck,
    SignatureStatus,
    check_embedded_proof,
    is_json_envelope,
    looks_like_compact_jws,
    unwrap_compact_jws,
    unwrap_json_envelope,
)
from recogniser.model import CASE_FORMAT, Purpose, Target

#: Larger files are refused unread: real credentials, embedded images included, stay far below this.
MAX_CREDENTIAL_BYTES = 25 * 1024 * 1024


class CredentialFormat(StrEnum):
    EUROPASS_ELM3 = "europass-elm3"
    OPEN_BADGES_3 = "open-badges-3"


FORMAT_NAMES = {
    CredentialFormat.EUROPASS_ELM3: "Europass Digital Credential (ELM v3)",
    CredentialFormat.OPEN_BADGES_3: "Open Badges 3.0",
}


@dataclass(frozen=True)
class ImportResult:
    """An imported credential: a complete, valid case document and how each Annex I element was filled."""

    document: dict[str, Any]
    format: CredentialFormat
    signature: SignatureStatus
    signature_reason: str
    elements: tuple[ElementReport, ...]
    warnings: tuple[str, ...]


def import_credential(
    path: str | os.PathLike[str],
    *,
    purpose: Purpose = Purpose.EMPLOYMENT,
    assessing_country: str | None = None,
    target: Target | None = None,
    language: str | None = None,
) -> ImportResult:
    """Read a credential file; ``assessing_country`` defaults to the issuer's country.

    ``target`` is the programme or component recognition is sought for; the case format requires one for
    admission and credit transfer. ``language`` (``hr``) is the one to take texts in from multilingual
    credentials; without it, English where present, else the issuer's first language.
    """
    source = os.fspath(path)
    try:
        size = os.path.getsize(source)
        if size > MAX_CREDENTIAL_BYTES:
            raise CredentialImportError(
                f"file is {size:,} bytes; a credential file is at most {MAX_CREDENTIAL_BYTES:,} bytes"
            )
        raw = Path(source).read_bytes()
        return import_credential_bytes(
            raw, purpose=purpose, assessing_country=assessing_country, target=target, language=language
        )
    except CredentialImportError as error:
        raise error.at(source) from None
    except OSError as error:
        raise CredentialImportError(f"cannot read the file ({error.strerror or error})", source) from None


def import_credential_bytes(
    raw: bytes,
    *,
    purpose: Purpose = Purpose.EMPLOYMENT,
    assessing_country: str | None = None,
    target: Target | None = None,
    language: str | None = None,
) -> ImportResult:
    """The same as :func:`import_credential`, for a credential already in memory (dropped or pasted)."""
    if len(raw) > MAX_CREDENTIAL_BYTES:
        raise CredentialImportError(f"{len(raw):,} bytes; a credential is at most {MAX_CREDENTIAL_BYTES:,} bytes")
    credential, signature = _open(_text(raw))
    if is_europass(credential):
        kind, draft = CredentialFormat.EUROPASS_ELM3, map_europass(credential, language)
    elif is_open_badge(credential):
        kind, draft = CredentialFormat.OPEN_BADGES_3, map_open_badge(credential, language)
    else:
        raise CredentialImportError(_not_supported(credential))
    return _result(kind, draft, signature, purpose=purpose, assessing_country=assessing_country, target=target)


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CredentialImportError(
            f"not a JSON credential: not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start:,})"
        ) from None


def _open(text: str) -> tuple[dict[str, Any], SignatureCheck]:
    """The credential object, unwrapped from a signed envelope when there is one, and its signature status."""
    if looks_like_compact_jws(text):
        return _open_compact(text)
    return _open_document(_json(text, "the file"), "the file")


def _open_compact(token: str) -> tuple[dict[str, Any], SignatureCheck]:
    unwrapped = unwrap_compact_jws(token)
    claims = _object(_json(_text(unwrapped.payload), "the signed payload"), "the signed payload")
    # A VC-JWT of the 1.1 data model carries the credential under "vc", and its issuer as "iss".
    inner = claims.get("vc")
    credential = inner if isinstance(inner, dict) else claims
    return credential, _by_issuer(unwrapped.check, credential, claims.get("iss"))


def _open_document(document: Any, what: str) -> tuple[dict[str, Any], SignatureCheck]:
    if is_json_envelope(document):
        unwrapped = unwrap_json_envelope(document)
        credential = _object(_json(_text(unwrapped.payload), "the signed payload"), "the signed payload")
        return credential, _by_issuer(unwrapped.check, credential, None)
    credential = _object(document, what)
    if "VerifiablePresentation" not in types_of(credential):
        return credential, check_embedded_proof(credential)
    # A wallet hands credentials over in a presentation; its own proof is the holder's, not the issuer's.
    held = as_list(credential.get("verifiableCredential"))
    if len(held) != 1:
        count = f"{len(held)} credentials: import them one at a time" if held else "no credential"
        raise CredentialImportError(f"a verifiable presentation holding {count}")
    if isinstance(held[0], str) and looks_like_compact_jws(held[0]):
        return _open_compact(held[0])
    return _open_document(held[0], "the presented credential")


def _by_issuer(check: SignatureCheck, credential: dict[str, Any], claimed_issuer: Any) -> SignatureCheck:
    """A signature that proves an identifier counts only when that identifier is the credential's issuer."""
    if check.signer is None:
        return check
    issuers = {identifier_of(credential.get("issuer")), claimed_issuer if isinstance(claimed_issuer, str) else None}
    if check.signer in issuers:
        return check
    named = ", ".join(sorted(issuer for issuer in issuers if issuer)) or "an issuer without an identifier"
    return SignatureCheck(
        SignatureStatus.FAILED, f"the credential is signed by {check.signer}, which is not its issuer ({named})"
    )


def _json(text: str, what: str) -> Any:
    stripped = text.lstrip()
    if stripped.startswith("<"):
        raise CredentialImportError(
            f"{what} is XML, not JSON: only JSON-LD credentials (Europass ELM v3, Open Badges 3.0) are imported"
        )
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise CredentialImportError(
            f"{what} is not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except (ValueError, RecursionError) as error:
        raise CredentialImportError(f"{what} is not JSON: {error}") from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else type(value).__name__
        raise CredentialImportError(f"not a credential: {what} holds {kind}, not a JSON object")
    return value


def _not_supported(document: dict[str, Any]) -> str:
    types = sorted(types_of(document))
    if document.get("format") == CASE_FORMAT:
        return "this is already a case file (recogniser-case/1), not a credential"
    if "Assertion" in types or ("badge" in document and "recipient" in document):
        return "an Open Badges 2.0 assertion: only Open Badges 3.0 and Europass (ELM v3) credentials are imported"
    if "VerifiableCredential" in types:
        named = ", ".join(t for t in types if t != "VerifiableCredential") or "no further type"
        return (
            f"a verifiable credential of another type ({named}), "
            "neither a Europass (ELM v3) nor an Open Badges 3.0 credential"
        )
    return "not a credential: no type names a Europass (EuropeanDigitalCredential) or Open Badges 3.0 credential"


def _result(
    kind: CredentialFormat,
    draft: CredentialDraft,
    signature: SignatureCheck,
    *,
    purpose: Purpose,
    assessing_country: str | None,
    target: Target | None,
) -> ImportResult:
    credential, elements = draft.finish()
    document: dict[str, Any] = {
        "format": CASE_FORMAT,
        "purpose": purpose.value,
        "assessing_country": _assessing_country(assessing_country, credential.get("issuer_country")),
    }
    if target is not None:
        document["target"] = target_json(target)
    elif purpose in (Purpose.ADMISSION, Purpose.CREDIT_TRANSFER):
        raise CredentialImportError(f"the purpose {purpose.value} needs the target programme recognition is sought for")
    document["credential"] = credential
    problems = validation_problems(document)
    target_problems = [problem for problem in problems if problem.path.startswith("target")]
    if target_problems:
        raise CredentialImportError("; ".join(str(problem) for problem in target_problems))
    if problems:
        # The mappers only write values the schema accepts; anything else is a bug, not the user's file.
        raise RuntimeError(f"imported case is invalid: {'; '.join(str(problem) for problem in problems)}")
    return ImportResult(
        document=document,
        format=kind,
        signature=signature.status,
        signature_reason=signature.reason,
        elements=elements,
        warnings=tuple(draft.warnings),
    )


def _assessing_country(given: str | None, issuer_country: Any) -> str:
    if given:
        code = alpha2(given)
        if code is None:
            raise CredentialImportError(f"assessing country '{given}' is not an ISO 3166-1 country code")
        return code
    if isinstance(issuer_country, str):
        return issuer_country
    raise CredentialImportError("no assessing country was given and the credential names no issuer country")


def target_json(target: Target) -> dict[str, Any]:
    """The ``target`` object of a case file (spec.md §1) for a programme or component."""
    data: dict[str, Any] = {}
    for key in ("title", "institution", "eqf_level", "ects"):
        value = getattr(target, key)
        if value is not None:
            data[key] = value
    if target.learning_outcomes is not None:
        data["learning_outcomes"] = list(target.learning_outcomes)
    return data
