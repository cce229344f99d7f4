"""Signed credentials: unwrap the payload and check the signature honestly.

A Europass credential is sealed in a JAdES envelope: a JWS in the JSON serialisation (``payload`` +
``signatures[]``) whose protected header carries the signing certificate (``x5c``). That signature is checked
cryptographically against the embedded certificate (RFC 7515 signing input, RFC 7518 algorithms). What is not
checked — and the reason always says so — is whether the certificate chains to an EU trusted list, nor JAdES
policy and timestamp attributes: that needs the trusted lists, which an offline tool does not have.

A VC-JWT whose key is a ``did:key`` is checked too (the identifier is the key), and counts only when that
identifier is the credential's issuer. Open Badges proofs (``DataIntegrityProof`` and the like) and signatures
whose key must be fetched (``did:web``, a JWKS URL) are reported as not verified, with the reason.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
import warnings
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.utils import CryptographyDeprecationWarning

from recogniser.authenticity_reasons import reason
from recogniser.i18n import phrase
from recogniser.inputs import JsonInputError, load_json, lone_surrogate_path
from recogniser.interchange.errors import CredentialImportError
from recogniser.interchange.jsonld import as_list, nodes
from recogniser.trust import certificate_name

#: Critical header parameters this check acts on: the payload encoding (RFC 7797) and the signing time (JAdES).
_EVALUATED_HEADERS = frozenset({"b64", "sigT"})
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {"256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512}

#: The base64url alphabet (RFC 4648 §5), with the padding some encoders leave.
_BASE64URL = re.compile(r"[A-Za-z0-9_=-]*")


class SignatureStatus(StrEnum):
    VERIFIED = "verified"
    FAILED = "failed"
    NOT_VERIFIED = "not_verified"


@dataclass(frozen=True)
class SignatureCheck:
    """``reason`` is a sentence of :mod:`recogniser.authenticity_reasons`; ``signer`` the identifier a valid
    signature proves, when that is an identifier (a ``did:key``); ``certificates`` the embedded chain a valid
    signature was checked against, signer first."""

    status: SignatureStatus
    reason: str
    signer: str | None = None
    certificates: tuple[x509.Certificate, ...] = ()


@dataclass(frozen=True)
class Unwrapped:
    """The credential bytes from inside a signed envelope, and what the signature check found."""

    payload: bytes
    check: SignatureCheck
    envelope: str


def is_json_envelope(document: Any) -> bool:
    return (
        isinstance(document, dict) and "payload" in document and ("signatures" in document or "signature" in document)
    )


def looks_like_compact_jws(text: str) -> bool:
    stripped = text.strip()
    if not stripped or stripped[0] in "{[" or stripped.count(".") != 2:
        return False
    parts = stripped.split(".")
    return len(parts) == 3 and all(part and _is_base64url(part) for part in (parts[0], parts[2]))


def _is_base64url(text: str) -> bool:
    # One regular-expression scan: a 5 MB payload checked character by character in Python took most of a second.
    return _BASE64URL.fullmatch(text) is not None


def unwrap_json_envelope(envelope: dict[str, Any]) -> Unwrapped:
    """Open a JWS JSON serialisation (general or flattened), the form of a JAdES-sealed Europass credential."""
    signatures = nodes(envelope.get("signatures")) if "signatures" in envelope else [envelope]
    if not signatures:
        raise CredentialImportError(phrase("a signed envelope with no signatures"))
    raw_payload = envelope.get("payload")
    if not isinstance(raw_payload, str) or not raw_payload:
        raise CredentialImportError(
            phrase("the signed envelope carries no payload (a detached signature without the credential)")
        )
    headers = [_protected_header(signature.get("protected")) for signature in signatures]
    # RFC 7797: with "b64": false the payload is the credential text itself, not its base64url encoding.
    unencoded = headers[0] is not None and headers[0].get("b64", True) is False
    # Tolerate a payload written as the credential itself without the header saying so; the signing input is
    # taken from the file either way, so the signature check is unaffected.
    unencoded = unencoded or raw_payload.lstrip().startswith("{")
    payload = raw_payload.encode("utf-8") if unencoded else _base64url(raw_payload)
    if payload is None:
        raise CredentialImportError(phrase("the signed envelope's payload is not base64url"))
    checks = [
        _check(header, signature.get("protected"), raw_payload, signature.get("signature"))
        for header, signature in zip(headers, signatures, strict=True)
    ]
    return Unwrapped(payload, _combined(checks), "JAdES (JWS JSON serialisation)")


def unwrap_compact_jws(token: str) -> Unwrapped:
    """Open a compact JWS (a VC-JWT); the payload is the credential, or holds it under ``vc``."""
    protected, raw_payload, signature = token.strip().split(".")
    payload = _base64url(raw_payload)
    if payload is None:
        raise CredentialImportError(phrase("a JWS whose payload is not base64url"))
    header = _protected_header(protected)
    return Unwrapped(payload, _check(header, protected, raw_payload, signature), "JWS (compact serialisation)")


def check_embedded_proof(credential: dict[str, Any]) -> SignatureCheck:
    """Linked-data proofs inside the credential: named, never claimed as checked."""
    proofs = nodes(credential.get("proof"))
    if not proofs:
        return SignatureCheck(SignatureStatus.NOT_VERIFIED, reason("no_signature"))
    proof = proofs[0]
    named: str = " ".join(str(item) for item in as_list(proof.get("type"))) or reason("unnamed_proof")
    if isinstance(proof.get("cryptosuite"), str):
        named = reason("proof_with_suite", proof=named, suite=proof["cryptosuite"])
    method = proof.get("verificationMethod")
    if isinstance(method, str):
        named = reason("proof_with_key", proof=named, key=method)
    return SignatureCheck(SignatureStatus.NOT_VERIFIED, reason("proof_not_checked", proof=named))


def _combined(checks: list[SignatureCheck]) -> SignatureCheck:
    for status in (SignatureStatus.FAILED, SignatureStatus.NOT_VERIFIED):
        found = [check for check in checks if check.status is status]
        if found:
            return found[0]
    if len(checks) == 1:
        return checks[0]
    first = checks[0]
    return SignatureCheck(
        SignatureStatus.VERIFIED,
        reason("all_signatures", count=len(checks), check=first.reason),
        first.signer,
        first.certificates,
    )


def _check(header: dict[str, Any] | None, protected: Any, payload: str, signature: Any) -> SignatureCheck:
    if header is None:
        return SignatureCheck(SignatureStatus.FAILED, reason("header_unreadable"))
    algorithm = str(header.get("alg", ""))
    if "sigD" in header:
        return SignatureCheck(SignatureStatus.NOT_VERIFIED, reason("detached"))
    raw_signature = _base64url(signature) if isinstance(signature, str) else None
    if raw_signature is None:
        return SignatureCheck(SignatureStatus.FAILED, reason("value_not_base64url"))
    signing_input = f"{protected}.{payload}".encode()
    chain = header.get("x5c")
    if isinstance(chain, list) and chain:
        return _check_certificates(header, chain, algorithm, raw_signature, signing_input)
    key_id = header.get("kid")
    if isinstance(key_id, str) and key_id.startswith("did:key:"):
        return _check_did_key(key_id, algorithm, raw_signature, signing_input)
    named = key_id or header.get("x5t#S256")
    return SignatureCheck(
        SignatureStatus.NOT_VERIFIED,
        reason(
            "certificate_not_embedded",
            algorithm=algorithm or reason("no_algorithm"),
            key=str(named) if named else reason("unnamed_key"),
        ),
    )


def _check_certificates(
    header: dict[str, Any], chain: list[Any], algorithm: str, signature: bytes, signing_input: bytes
) -> SignatureCheck:
    try:
        with warnings.catch_warnings():
            # Lax encodings (a non-positive serial number) are reported by cryptography as deprecation warnings.
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            certificates = [
                x509.load_der_x509_certificate(base64.b64decode(str(item), validate=True)) for item in chain
            ]
        certificate = certificates[0]
        holder = certificate_name(certificate.subject)
        key = certificate.public_key()
    except (ValueError, binascii.Error, UnsupportedAlgorithm, x509.InvalidVersion):
        return SignatureCheck(SignatureStatus.FAILED, reason("certificate_unreadable"))
    outcome = _verify(algorithm, key, reason("certificate_of", holder=holder), signature, signing_input)
    if outcome is not None:
        return outcome
    broken = _broken_link(certificates)
    if broken is not None:
        return broken
    authority = (
        reason("self_signed")
        if certificate.subject == certificate.issuer
        else reason("issued_by", issuer=certificate_name(certificate.issuer))
    )
    if len(certificates) > 1:
        authority = reason(
            "chain_up_to", authority=authority, count=len(certificates), top=certificate_name(certificates[-1].subject)
        )
    signed_at = _signing_time(header.get("sigT"))
    if signed_at is not None and not (certificate.not_valid_before_utc <= signed_at <= certificate.not_valid_after_utc):
        return SignatureCheck(
            SignatureStatus.FAILED,
            reason(
                "signed_outside_validity",
                signed_at=signed_at.replace(second=0, microsecond=0),
                holder=holder,
                valid_from=certificate.not_valid_before_utc.date(),
                valid_until=certificate.not_valid_after_utc.date(),
            ),
        )
    unevaluated = [str(name) for name in as_list(header.get("crit")) if name not in _EVALUATED_HEADERS]
    matches = (
        reason(
            "certificate_matches_unevaluated",
            algorithm=algorithm,
            holder=holder,
            authority=authority,
            attributes=", ".join(unevaluated),
        )
        if unevaluated
        else reason("certificate_matches", algorithm=algorithm, holder=holder, authority=authority)
    )
    return SignatureCheck(SignatureStatus.VERIFIED, matches, certificates=tuple(certificates))


def _check_did_key(key_id: str, algorithm: str, signature: bytes, signing_input: bytes) -> SignatureCheck:
    """A ``did:key`` identifier is the public key itself (W3C CCG did:key method), so it is checked offline."""
    identifier = key_id.split("#", 1)[0]
    key = did_key_public_key(identifier)
    if key is None:
        shown = (
            identifier
            if len(identifier) <= 80
            else reason("long_identifier", start=identifier[:80], length=len(identifier))
        )
        return SignatureCheck(SignatureStatus.NOT_VERIFIED, reason("did_key_unreadable", identifier=shown))
    outcome = _verify(algorithm, key, reason("key_of", identifier=identifier), signature, signing_input)
    if outcome is not None:
        return outcome
    return SignatureCheck(
        SignatureStatus.VERIFIED,
        reason("did_key_matches", algorithm=algorithm, identifier=identifier),
        signer=identifier,
    )


def _broken_link(certificates: list[x509.Certificate]) -> SignatureCheck | None:
    """Each embedded certificate must be signed by the next one (RFC 7515 §4.1.6), and the last, when it names
    itself as its issuer, by itself; None when they all are."""
    links = list(itertools.pairwise(certificates))
    top = certificates[-1]
    if top.subject == top.issuer:
        links.append((top, top))
    for issued, issuer in links:
        try:
            issued.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
            broken = (
                reason("self_signed_invalid", holder=certificate_name(issued.subject))
                if issued is issuer
                else reason(
                    "chain_broken", holder=certificate_name(issued.subject), issuer=certificate_name(issuer.subject)
                )
            )
            return SignatureCheck(SignatureStatus.FAILED, broken)
    return None


def _verify(algorithm: str, key: PublicKeyTypes, holder: str, signature: bytes, data: bytes) -> SignatureCheck | None:
    """None when the signature is valid; otherwise what is wrong."""
    family, bits = algorithm[:2], algorithm[2:]
    try:
        if algorithm == "EdDSA" and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
        elif family == "ES" and bits in _HASHES and isinstance(key, ec.EllipticCurvePublicKey):
            half = len(signature) // 2
            der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
            key.verify(der, data, ec.ECDSA(_HASHES[bits]()))
        elif family in {"RS", "PS"} and bits in _HASHES and isinstance(key, rsa.RSAPublicKey):
            digest = _HASHES[bits]()
            scheme = (
                padding.PKCS1v15()
                if family == "RS"
                else padding.PSS(mgf=padding.MGF1(_HASHES[bits]()), salt_length=digest.digest_size)
            )
            key.verify(signature, data, scheme, digest)
        else:
            return SignatureCheck(
                SignatureStatus.NOT_VERIFIED,
                reason(
                    "algorithm_not_supported",
                    algorithm=algorithm,
                    key_type=type(key).__name__.removesuffix("PublicKey"),
                ),
            )
    except InvalidSignature:
        return SignatureCheck(SignatureStatus.FAILED, reason("signature_mismatch", algorithm=algorithm, holder=holder))
    except (UnsupportedAlgorithm, ValueError):
        return SignatureCheck(SignatureStatus.FAILED, reason("signature_malformed", algorithm=algorithm))
    return None


#: The longest ``did:key`` value read: an Ed25519 key takes 48 characters, a compressed P-256 key 49 (an
#: uncompressed one 90); anything longer is not a key this check reads.
MAX_DID_KEY_CHARACTERS = 128

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Multicodec prefixes (unsigned varints) of the public key types a did:key carries.
_ED25519_PREFIX = b"\xed\x01"
_P256_PREFIX = b"\x80\x24"


def did_key_public_key(identifier: str) -> PublicKeyTypes | None:
    """The Ed25519 or P-256 public key a ``did:key:z...`` identifier encodes (base58btc multibase)."""
    encoded = identifier.removeprefix("did:key:")
    # Bounded before decoding: base58 decoding takes time growing with the square of the length.
    if len(encoded) > MAX_DID_KEY_CHARACTERS or not encoded.startswith("z"):
        return None
    if not all(char in _BASE58 for char in encoded[1:]):
        return None
    value = 0
    for char in encoded[1:]:
        value = value * 58 + _BASE58.index(char)
    leading_zeros = len(encoded[1:]) - len(encoded[1:].lstrip("1"))
    raw = b"\x00" * leading_zeros + value.to_bytes((value.bit_length() + 7) // 8, "big")
    try:
        if raw.startswith(_ED25519_PREFIX):
            return ed25519.Ed25519PublicKey.from_public_bytes(raw[len(_ED25519_PREFIX) :])
        if raw.startswith(_P256_PREFIX):
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[len(_P256_PREFIX) :])
    except ValueError:
        return None
    return None


def _protected_header(value: Any) -> dict[str, Any] | None:
    decoded = _base64url(value) if isinstance(value, str) else None
    if decoded is None:
        return None
    try:
        header = load_json(decoded)
    except JsonInputError:
        return None
    # A text that is not valid Unicode (a lone surrogate in "kid") could be neither shown nor written.
    return header if isinstance(header, dict) and lone_surrogate_path(header) is None else None


def _base64url(text: str) -> bytes | None:
    cleaned = text.strip()
    if not _is_base64url(cleaned):
        return None
    try:
        return base64.urlsafe_b64decode(cleaned.rstrip("=") + "=" * (-len(cleaned.rstrip("=")) % 4))
    except (ValueError, binascii.Error):
        return None


def _signing_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        found = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo is not None else None
