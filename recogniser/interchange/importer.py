"""Turn a Europass (ELM v3) or Open Badges 3.0 credential file into a ``recogniser-case/1`` document.

The front ends (the ``import`` command, the window's import menu and drag-and-drop) call
:func:`import_credential` and show its :class:`ImportResult`: the case document, where each Annex I element came
from, the signature status and warnings. A file that is not such a credential raises
:class:`CredentialImportError` with a one-line reason.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from recogniser.authenticity_reasons import encoded
from recogniser.case_checks import validation_problems
from recogniser.countries import alpha2
from recogniser.errors import cannot_read, located
from recogniser.i18n import N_, Phrase, phrase, plural
from recogniser.inputs import InputFileError, JsonInputError, load_json, lone_surrogate_path, read_bounded
from recogniser.interchange.authenticity import AuthenticityResult, judge_authenticity
from recogniser.interchange.elements import CredentialDraft, ElementReport
from recogniser.interchange.errors import CredentialImportError
from recogniser.interchange.europass import is_europass, map_europass
from recogniser.interchange.jsonld import as_list, nodes, types_of
from recogniser.interchange.lifetime import read_lifetime
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
from recogniser.joining import grouped, in_list, quoted
from recogniser.model import CASE_FORMAT, Purpose, Target
from recogniser.provenance import Authenticity
from recogniser.terminal import one_line
from recogniser.trust import TrustStore
from recogniser.vocabulary import words

#: Larger files are refused unread: real credentials, embedded images included, stay far below this.
MAX_CREDENTIAL_BYTES = 25 * 1024 * 1024


#: What the refusal of a JSON text names it: the file itself, or the payload of a signed envelope.
_THE_FILE = Phrase(N_("the file"))
_THE_PAYLOAD = Phrase(N_("the signed payload"))


class CredentialFormat(StrEnum):
    EUROPASS_ELM3 = "europass-elm3"
    OPEN_BADGES_3 = "open-badges-3"


FORMAT_NAMES = {
    CredentialFormat.EUROPASS_ELM3: "Europass Digital Credential (ELM v3)",
    CredentialFormat.OPEN_BADGES_3: "Open Badges 3.0",
}


@dataclass(frozen=True)
class ImportResult:
    """An imported credential: a case document and how each Annex I element was filled.

    ``signature`` is what the cryptographic check found; ``authenticity`` the tier the case records (the
    signature, the signer's binding to the issuer and the office's trust anchors together). The document is a
    valid case, except that ``assessing_country`` is absent when none was given (:attr:`assessing_country_origin`
    says so): the import never takes the issuer's country for it.
    """

    document: dict[str, Any]
    format: CredentialFormat
    signature: SignatureStatus
    signature_reason: str
    elements: tuple[ElementReport, ...]
    warnings: tuple[str, ...]
    authenticity: Authenticity = Authenticity.NO_SIGNATURE
    authenticity_reason: str = ""
    assessing_country_origin: str = ""
    not_used: tuple[str, ...] = ()
    #: The credential file as it was read, for the case store to keep.
    original: bytes = field(default=b"", repr=False, compare=False)

    @property
    def provenance(self) -> dict[str, Any]:
        provenance: dict[str, Any] = self.document["provenance"]
        return provenance


def import_credential(
    path: str | os.PathLike[str],
    *,
    purpose: Purpose = Purpose.EMPLOYMENT,
    assessing_country: str | None = None,
    assessing_country_origin: str = "given",
    target: Target | None = None,
    language: str | None = None,
    trust: TrustStore | None = None,
    today: date | None = None,
) -> ImportResult:
    """Read a credential file.

    ``assessing_country`` is the assessing country (ISO 3166-1), ``assessing_country_origin`` where it came
    from in words (``--assessing-country``); without one the case is left without it. ``target`` is the
    programme or component recognition is sought for; the case format requires one for admission and credit
    transfer. ``language`` (``hr``) is the one to take texts in from multilingual credentials; without it,
    English where present, else the issuer's first language. ``trust`` holds the office's trust anchors
    (default: the user data folder's); ``today`` the date the import is recorded on.
    """
    source = os.fspath(path)
    try:
        raw = read_bounded(source, MAX_CREDENTIAL_BYTES, N_("credential file"))
    except InputFileError as error:
        raise CredentialImportError(error.reason, source) from None
    try:
        return import_credential_bytes(
            raw,
            purpose=purpose,
            assessing_country=assessing_country,
            assessing_country_origin=assessing_country_origin,
            target=target,
            language=language,
            file_name=Path(source).name,
            trust=trust,
            today=today,
        )
    except CredentialImportError as error:
        raise error.at(source) from None
    except OSError as error:
        raise CredentialImportError(cannot_read(error), source) from None


def import_credential_bytes(
    raw: bytes,
    *,
    purpose: Purpose = Purpose.EMPLOYMENT,
    assessing_country: str | None = None,
    assessing_country_origin: str = "given",
    target: Target | None = None,
    language: str | None = None,
    file_name: str | None = None,
    trust: TrustStore | None = None,
    today: date | None = None,
) -> ImportResult:
    """The same as :func:`import_credential`, for a credential already in memory (dropped or pasted)."""
    if len(raw) > MAX_CREDENTIAL_BYTES:
        raise CredentialImportError(
            phrase(
                "{size} bytes; a credential is at most {limit} bytes",
                size=grouped(len(raw)),
                limit=grouped(MAX_CREDENTIAL_BYTES),
            )
        )
    opened = _open(_text(raw))
    credential = opened.credential
    if is_europass(credential):
        kind, draft = CredentialFormat.EUROPASS_ELM3, map_europass(credential, language)
    elif is_open_badge(credential):
        kind, draft = CredentialFormat.OPEN_BADGES_3, map_open_badge(credential, language)
    else:
        raise CredentialImportError(_not_supported(credential))
    judged = judge_authenticity(
        opened.check,
        credential,
        signed=opened.signed,
        trust=trust if trust is not None else TrustStore.load(),
        issuer_claim=opened.issuer_claim,
    )
    country = _assessing_country(assessing_country)
    origin = (
        phrase("{country} ({origin})", country=country, origin=Phrase(assessing_country_origin))
        if country
        else phrase(
            "not set: give --assessing-country or set it in the settings (the issuer's country is not taken for it)"
        )
    )
    return _result(
        kind,
        draft,
        opened,
        judged,
        purpose=purpose,
        assessing_country=country,
        assessing_country_origin=origin,
        target=target,
        source=_Source(raw, file_name, kind, opened.envelope, today or date.today()),
    )


@dataclass(frozen=True)
class _Source:
    raw: bytes
    file_name: str | None
    kind: CredentialFormat
    envelope: str | None
    imported_on: date

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": self.kind.value}
        if self.file_name:
            data["file_name"] = self.file_name
        data["sha256"] = hashlib.sha256(self.raw).hexdigest()
        data["size"] = len(self.raw)
        if self.envelope:
            data["envelope"] = self.envelope
        data["imported_on"] = self.imported_on.isoformat()
        return data


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CredentialImportError(
            phrase(
                "not a JSON credential: not UTF-8 text (byte {byte} at offset {offset})",
                byte=f"0x{raw[error.start]:02x}",
                offset=grouped(error.start),
            )
        ) from None


@dataclass(frozen=True)
class _Opened:
    """The credential object, unwrapped from a signed envelope when there is one, and what its signature showed.

    ``signed``: the file carries a signature or proof at all; ``issuer_claim``: the issuer a VC-JWT names (``iss``).
    """

    credential: dict[str, Any]
    check: SignatureCheck
    signed: bool
    envelope: str | None = None
    issuer_claim: str | None = None


def _open(text: str) -> _Opened:
    if looks_like_compact_jws(text):
        return _open_compact(text)
    stripped = text.strip()
    if stripped.count(".") in (0, 1, 3, 4) and stripped[:1] not in "{[<" and stripped[:3] == "eyJ":
        # A compact JWS has three parts; a token cut short (or a JWE's five) is not "not JSON".
        parts = stripped.count(".") + 1
        raise CredentialImportError(
            plural(
                "a JWS (VC-JWT) in {n} part: a signed credential has three, {parts} (the file may have been cut short)",
                "a JWS (VC-JWT) in {n} parts: a signed credential has three, {parts} (the file may have been cut "
                "short)",
                n=parts,
                parts="header.payload.signature",
            )
        )
    return _open_document(_json(text, _THE_FILE), _THE_FILE)


def _open_compact(token: str) -> _Opened:
    unwrapped = unwrap_compact_jws(token)
    claims = _object(_json(_text(unwrapped.payload), _THE_PAYLOAD), _THE_PAYLOAD)
    # A VC-JWT of the 1.1 data model carries the credential under "vc", and its issuer as "iss".
    inner = claims.get("vc")
    credential = inner if isinstance(inner, dict) else claims
    issuer = claims.get("iss")
    return _Opened(credential, unwrapped.check, True, unwrapped.envelope, issuer if isinstance(issuer, str) else None)


def _open_document(document: Any, what: str) -> _Opened:
    if is_json_envelope(document):
        unwrapped = unwrap_json_envelope(document)
        credential = _object(_json(_text(unwrapped.payload), _THE_PAYLOAD), _THE_PAYLOAD)
        return _Opened(credential, unwrapped.check, True, unwrapped.envelope)
    credential = _object(document, what)
    types = types_of(credential)
    if _is_upload_wrapper(credential, types):
        # The Europass wallet's upload form wraps the credential: {"credential": {...}}.
        inner = credential["credential"]
        return _open(inner) if isinstance(inner, str) else _open_document(inner, Phrase(N_("the wrapped credential")))
    if "VerifiablePresentation" not in types:
        return _Opened(credential, check_embedded_proof(credential), bool(nodes(credential.get("proof"))))
    # A wallet hands credentials over in a presentation; its own proof is the holder's, not the issuer's.
    held = as_list(credential.get("verifiableCredential"))
    if len(held) != 1:
        raise CredentialImportError(
            phrase("a verifiable presentation holding {n} credentials: import them one at a time", n=len(held))
            if held
            else phrase("a verifiable presentation holding no credential")
        )
    if isinstance(held[0], str) and looks_like_compact_jws(held[0]):
        return _open_compact(held[0])
    return _open_document(held[0], Phrase(N_("the presented credential")))


def _is_upload_wrapper(document: dict[str, Any], types: set[str]) -> bool:
    inner = document.get("credential")
    if types or not isinstance(inner, dict | str):
        return False
    return isinstance(inner, str) or bool(types_of(inner)) or is_json_envelope(inner)


def _json(text: str, what: str) -> Any:
    stripped = text.lstrip()
    if stripped.startswith("<"):
        raise CredentialImportError(
            phrase(
                "{what} is XML, not JSON: only JSON-LD credentials (Europass ELM v3, Open Badges 3.0) are imported",
                what=what,
            )
        )
    try:
        document = load_json(text)
    except JsonInputError as error:
        reason = located(what, error.reason)
        if error.syntax is not None:
            reason = phrase("{what} is not JSON: {reason}", what=what, reason=error.syntax)
        raise CredentialImportError(reason) from None
    surrogate = lone_surrogate_path(document)
    if surrogate is not None:
        raise CredentialImportError(
            located(
                what,
                phrase(
                    "{field} holds a character that is not valid Unicode text (a lone surrogate)",
                    field=surrogate,
                ),
            )
        )
    return document


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        kind = Phrase(N_("a list")) if isinstance(value, list) else type(value).__name__
        raise CredentialImportError(
            phrase("not a credential: {what} holds {kind}, not a JSON object", what=what, kind=kind)
        )
    return value


def _not_supported(document: dict[str, Any]) -> str:
    types = sorted(types_of(document))
    if document.get("format") == CASE_FORMAT:
        return phrase("this is already a case file ({format}), not a credential", format=CASE_FORMAT)
    if "Assertion" in types or ("badge" in document and "recipient" in document):
        return phrase(
            "an Open Badges 2.0 assertion: only Open Badges 3.0 and Europass (ELM v3) credentials are imported"
        )
    if "VerifiableCredential" in types:
        # A type is the file's text: shown on one line, whatever characters it holds.
        named = one_line(", ".join(t for t in types if t != "VerifiableCredential"))
        return phrase(
            "a verifiable credential of another type ({types}), neither a Europass (ELM v3) nor an Open Badges 3.0 "
            "credential",
            types=named or Phrase(N_("no further type")),
        )
    return phrase(
        "not a credential: no type names a Europass (EuropeanDigitalCredential) or Open Badges 3.0 credential"
    )


def _result(
    kind: CredentialFormat,
    draft: CredentialDraft,
    opened: _Opened,
    judged: AuthenticityResult,
    *,
    purpose: Purpose,
    assessing_country: str | None,
    assessing_country_origin: str,
    target: Target | None,
    source: _Source,
) -> ImportResult:
    lifetime = read_lifetime(opened.credential, draft)
    credential, elements = draft.finish()
    document: dict[str, Any] = {"format": CASE_FORMAT, "purpose": purpose.value}
    if assessing_country:
        document["assessing_country"] = assessing_country
    if target is not None:
        document["target"] = target_json(target)
    elif purpose in (Purpose.ADMISSION, Purpose.CREDIT_TRANSFER):
        raise CredentialImportError(
            phrase("the purpose {purpose} needs the target programme recognition is sought for", purpose=words(purpose))
        )
    document["credential"] = credential
    authenticity: dict[str, Any] = {"status": judged.status.value, "reason": judged.reason}
    # Beside the English, the sentence's code and fields: a reader in another language is shown it in theirs.
    coded = encoded(judged.reason)
    if coded is not None:
        authenticity["reason_code"], authenticity["reason_fields"] = coded
    if judged.signer:
        authenticity["signer"] = judged.signer
    provenance: dict[str, Any] = {"source": source.json(), "authenticity": authenticity}
    provenance.update(lifetime.json())
    provenance["elements"] = [
        {"number": report.number, "status": report.status.value, "source": report.source} for report in elements
    ]
    if draft.not_used:
        provenance["not_used"] = list(draft.not_used)
    document["provenance"] = provenance
    problems = [problem for problem in validation_problems(document) if problem.field != "assessing_country"]
    target_problems = [problem for problem in problems if problem.path.startswith("target")]
    if target_problems:
        raise CredentialImportError(in_list(problem.line() for problem in target_problems))
    if problems:
        # The mappers write values of the kinds the schema accepts; what is left is more than a case holds (more
        # learning outcomes, a longer text): the file's, named by the case field it would fill.
        raise CredentialImportError(
            phrase(
                "the credential does not fit a case: {problems}",
                problems=in_list(problem.line() for problem in problems[:3]),
            )
        )
    return ImportResult(
        document=document,
        format=kind,
        signature=opened.check.status,
        signature_reason=opened.check.reason,
        elements=elements,
        warnings=tuple(draft.warnings),
        authenticity=judged.status,
        authenticity_reason=judged.reason,
        assessing_country_origin=assessing_country_origin,
        not_used=tuple(draft.not_used),
        original=source.raw,
    )


def stack_document(results: Sequence[ImportResult]) -> dict[str, Any]:
    """One case of several imported credentials (a stack): the first import's purpose, assessing country and
    target, and each credential under ``credentials`` with the provenance of its own file inside it. One
    import gives its own case unchanged; the same file given twice is refused."""
    if len(results) == 1:
        return results[0].document
    seen: dict[str, str] = {}
    for result in results:
        source = result.provenance.get("source", {})
        digest, name = str(source.get("sha256", "")), str(source.get("file_name") or "a file")
        if digest and digest in seen:
            # The same credential twice would be the same learning twice.
            raise CredentialImportError(
                located(name, phrase("is the same credential as {other}; give each file once", other=seen[digest]))
            )
        seen.setdefault(digest, name)
    first = results[0].document
    document = {key: value for key, value in first.items() if key not in ("credential", "provenance")}
    document["credentials"] = [
        {**result.document["credential"], "provenance": result.document["provenance"]} for result in results
    ]
    return document


def _assessing_country(given: str | None) -> str | None:
    if not given:
        return None
    code = alpha2(given)
    if code is None:
        raise CredentialImportError(
            phrase("assessing country {code} is not an ISO 3166-1 country code", code=quoted(given))
        )
    return code


def target_json(target: Target) -> dict[str, Any]:
    """The ``target`` object of a case file (docs/formats/case-file.md) for a programme or component."""
    data: dict[str, Any] = {}
    for key in ("title", "institution", "eqf_level", "ects"):
        value = getattr(target, key)
        if value is not None:
            data[key] = value
    if target.learning_outcomes is not None:
        data["learning_outcomes"] = list(target.learning_outcomes)
    return data
