"""Signed credentials: a JAdES envelope signed here, in the test, verifies; any change to it fails."""

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

from recogniser.interchange import CredentialImportError, SignatureStatus, import_credential
from recogniser.provenance import Authenticity
from tests.interchange.conftest import FIXTURES, fixture_document

Writer = Callable[..., Path]
SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey
VALID_FROM = datetime(2025, 1, 1, tzinfo=UTC)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _name(holder: str, organisation: str = "Adriatic Polytechnic") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, holder),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        ]
    )


def _certificate(
    key: SigningKey,
    holder: str = "Adriatic Polytechnic e-seal",
    *,
    authority: tuple[SigningKey, x509.Name] | None = None,
) -> x509.Certificate:
    """A certificate for ``key``: self-signed, or issued by ``authority`` (its key and name)."""
    name = _name(holder)
    signer, issuer_name = authority or (key, name)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(VALID_FROM + timedelta(days=730))
    )
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return builder.sign(signer, algorithm)


def _signature(key: SigningKey, algorithm: str, data: bytes) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")
    if isinstance(key, rsa.RSAPrivateKey):
        scheme = (
            padding.PKCS1v15()
            if algorithm == "RS256"
            else padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
        )
        return key.sign(data, scheme, hashes.SHA256())
    return key.sign(data)


def _header(algorithm: str, *certificates: x509.Certificate, **extra: Any) -> dict[str, Any]:
    chain = [base64.b64encode(item.public_bytes(serialization.Encoding.DER)).decode("ascii") for item in certificates]
    return {"alg": algorithm, "x5c": chain, **extra}


def _jades(
    credential: dict[str, Any],
    key: SigningKey,
    algorithm: str = "ES256",
    *,
    unencoded: bool = False,
    signed_at: datetime = VALID_FROM + timedelta(days=200),
    certificates: tuple[x509.Certificate, ...] = (),
) -> dict[str, Any]:
    """A JAdES-style JWS JSON serialisation with the credential as payload, signed with ``key``."""
    extra: dict[str, Any] = {"sigT": signed_at.strftime("%Y-%m-%dT%H:%M:%SZ"), "crit": ["sigT"]}
    if unencoded:
        extra.update({"b64": False, "crit": ["sigT", "b64"]})
    header = _header(algorithm, *(certificates or (_certificate(key),)), **extra)
    return _envelope(header, credential, key, unencoded=unencoded)


def _envelope(
    header: dict[str, Any], credential: dict[str, Any], key: SigningKey, *, unencoded: bool = False
) -> dict[str, Any]:
    """The JWS JSON serialisation of ``credential`` under ``header``, signed with ``key``."""
    protected = _b64url(json.dumps(header).encode())
    text = json.dumps(credential, ensure_ascii=False)
    payload = text if unencoded else _b64url(text.encode())
    signature = _signature(key, header["alg"], f"{protected}.{payload}".encode())
    return {
        "payload": payload,
        "signatures": [{"protected": protected, "header": {"etsiU": []}, "signature": _b64url(signature)}],
    }


def _microcredential() -> dict[str, Any]:
    return fixture_document("edc-microcredential.json")


@pytest.mark.parametrize(
    ("key", "algorithm"),
    [
        (ec.generate_private_key(ec.SECP256R1()), "ES256"),
        (rsa.generate_private_key(public_exponent=65537, key_size=2048), "PS256"),
        (rsa.generate_private_key(public_exponent=65537, key_size=2048), "RS256"),
        (ed25519.Ed25519PrivateKey.generate(), "EdDSA"),
    ],
    ids=["ES256", "PS256", "RS256", "EdDSA"],
)
def test_a_signed_envelope_verifies_against_its_embedded_certificate(
    credential_file: Writer, key: SigningKey, algorithm: str
) -> None:
    envelope = _jades(_microcredential(), key, algorithm)

    result = import_credential(credential_file(envelope))

    assert result.signature is SignatureStatus.VERIFIED
    assert result.signature_reason == (
        f"{algorithm} signature matches the embedded certificate of Adriatic Polytechnic e-seal, Adriatic Polytechnic "
        "(self-signed)"
    )
    assert result.authenticity is Authenticity.SIGNER_NOT_ESTABLISHED
    unsigned = import_credential(FIXTURES / "edc-microcredential.json")
    assert result.document["credential"] == unsigned.document["credential"]
    assert result.document["provenance"]["authenticity"]["status"] == "signer_not_established"
    assert unsigned.document["provenance"]["authenticity"]["status"] == "no_signature"
    assert result.elements == unsigned.elements


def test_an_unencoded_payload_as_in_jades_b64_false_verifies(credential_file: Writer) -> None:
    envelope = _jades(_microcredential(), ec.generate_private_key(ec.SECP256R1()), unencoded=True)

    result = import_credential(credential_file(envelope))

    assert result.signature is SignatureStatus.VERIFIED
    assert result.document["credential"]["title"] == "Maritime Safety and Security"


def test_signed_attributes_the_check_does_not_evaluate_are_named(credential_file: Writer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    policy = {"id": "urn:oid:1.2.3.4", "digAlg": "S256"}
    header = _header("ES256", _certificate(key), sigT="2025-06-30T10:00:00Z", sigPId=policy, crit=["sigT", "sigPId"])
    envelope = _envelope(header, _microcredential(), key)

    result = import_credential(credential_file(envelope))

    assert result.signature is SignatureStatus.VERIFIED
    assert result.signature_reason.endswith("; its signed attributes sigPId were not evaluated")


def test_a_payload_written_as_json_without_saying_so_is_read_and_checked(credential_file: Writer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    header = _header("ES256", _certificate(key), sigT="2025-06-30T10:00:00Z", crit=["sigT"])
    envelope = _envelope(header, _microcredential(), key, unencoded=True)

    result = import_credential(credential_file(envelope))

    assert result.document["credential"]["title"] == "Maritime Safety and Security"
    assert result.signature is SignatureStatus.VERIFIED


def test_a_changed_payload_fails(credential_file: Writer) -> None:
    envelope = _jades(_microcredential(), ec.generate_private_key(ec.SECP256R1()), unencoded=True)
    envelope["payload"] = envelope["payload"].replace('"point": "5"', '"point": "50"')

    result = import_credential(credential_file(envelope))

    assert result.signature is SignatureStatus.FAILED
    assert "the credential was changed after signing" in result.signature_reason
    assert result.document["credential"]["workload"]["ects"] == 50


def test_a_signature_by_another_key_fails(credential_file: Writer) -> None:
    signer = ec.generate_private_key(ec.SECP256R1())
    other = _certificate(ec.generate_private_key(ec.SECP256R1()))

    result = import_credential(credential_file(_jades(_microcredential(), signer, certificates=(other,))))

    assert result.signature is SignatureStatus.FAILED


def test_an_embedded_chain_is_followed_to_its_top_and_said_to_be_unchecked_beyond(credential_file: Writer) -> None:
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = _certificate(root_key, "Seal Authority Root CA")
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = _certificate(key, authority=(root_key, root.subject))

    result = import_credential(credential_file(_jades(_microcredential(), key, certificates=(leaf, root))))

    assert result.signature is SignatureStatus.VERIFIED
    assert (
        "(issued by Seal Authority Root CA, Adriatic Polytechnic, through an embedded chain of 2 certificates up to "
        "Seal Authority Root CA, Adriatic Polytechnic)"
    ) in result.signature_reason


def test_a_chain_whose_links_do_not_fit_fails(credential_file: Writer) -> None:
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = _certificate(root_key, "Seal Authority Root CA")
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = _certificate(key, authority=(root_key, root.subject))
    impostor = _certificate(ec.generate_private_key(ec.SECP256R1()), "Seal Authority Root CA")

    result = import_credential(credential_file(_jades(_microcredential(), key, certificates=(leaf, impostor))))

    assert result.signature is SignatureStatus.FAILED
    assert result.signature_reason.startswith("the embedded certificate chain is broken")


def test_a_self_signed_certificate_changed_after_issue_fails(credential_file: Writer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    envelope = _jades(_microcredential(), key)
    protected = envelope["signatures"][0]["protected"]
    header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
    certificate = base64.b64decode(header["x5c"][0]).replace(
        b"Adriatic Polytechnic e-seal", b"Adriatic Polytechnic e-SEAL"
    )
    header["x5c"] = [base64.b64encode(certificate).decode("ascii")]

    result = import_credential(credential_file(_envelope(header, _microcredential(), key)))

    assert result.signature is SignatureStatus.FAILED
    assert result.signature_reason == (
        "the self-signed certificate of Adriatic Polytechnic e-SEAL, Adriatic Polytechnic does not carry its own "
        "valid signature"
    )


def test_a_signing_time_outside_the_certificate_validity_fails(credential_file: Writer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    envelope = _jades(_microcredential(), key, signed_at=VALID_FROM + timedelta(days=1000))

    result = import_credential(credential_file(envelope))

    assert result.signature is SignatureStatus.FAILED
    assert result.signature_reason.startswith("signed at 2027-09-28 00:00 UTC, outside the validity")


def test_a_signature_naming_a_certificate_it_does_not_embed_is_not_verified(credential_file: Writer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    envelope = _envelope({"alg": "ES256", "x5t#S256": "aGFzaA"}, _microcredential(), key)

    result = import_credential(credential_file(envelope))

    assert result.signature is SignatureStatus.NOT_VERIFIED
    assert result.signature_reason == "ES256 signature by aGFzaA: the certificate is not embedded and was not fetched"


def test_a_vc_jwt_with_an_embedded_certificate_verifies(credential_file: Writer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    header = _header("ES256", _certificate(key), typ="JWT")
    protected = _b64url(json.dumps(header).encode())
    payload = _b64url(json.dumps({"iss": "did:example:issuer", "vc": fixture_document("ob3-badge.json")}).encode())
    token = f"{protected}.{payload}.{_b64url(_signature(key, 'ES256', f'{protected}.{payload}'.encode()))}"

    result = import_credential(credential_file(token + "\n", ".jwt"))

    assert result.format == "open-badges-3"
    assert result.signature is SignatureStatus.VERIFIED


def _did_key(key: ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey) -> str:
    """The did:key identifier of ``key``: base58btc of the multicodec-prefixed public key."""
    if isinstance(key, ed25519.Ed25519PrivateKey):
        raw = b"\xed\x01" + key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    else:
        point = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)
        raw = b"\x80\x24" + point
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    value, digits = int.from_bytes(raw, "big"), ""
    while value:
        value, digit = divmod(value, 58)
        digits = alphabet[digit] + digits
    return "did:key:z" + "1" * (len(raw) - len(raw.lstrip(b"\x00"))) + digits


def _vc_jwt(key: ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey, issuer: str, algorithm: str) -> str:
    badge = fixture_document("ob3-badge.json")
    badge["issuer"]["id"] = issuer
    did = _did_key(key)
    protected = _b64url(json.dumps({"alg": algorithm, "typ": "vc+jwt", "kid": f"{did}#{did[8:]}"}).encode())
    payload = _b64url(json.dumps(badge).encode())
    return f"{protected}.{payload}.{_b64url(_signature(key, algorithm, f'{protected}.{payload}'.encode()))}"


@pytest.mark.parametrize(
    ("key", "algorithm"),
    [(ed25519.Ed25519PrivateKey.generate(), "EdDSA"), (ec.generate_private_key(ec.SECP256R1()), "ES256")],
    ids=["Ed25519", "P-256"],
)
def test_a_vc_jwt_signed_with_the_issuers_did_key_verifies(
    credential_file: Writer, key: ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey, algorithm: str
) -> None:
    did = _did_key(key)
    assert did.startswith(("did:key:z6Mk", "did:key:zDn"))  # the prefixes the did:key method gives these keys

    result = import_credential(credential_file(_vc_jwt(key, did, algorithm), ".jwt"))

    assert result.signature is SignatureStatus.VERIFIED
    assert result.signature_reason == (
        f"{algorithm} signature matches the key of {did}, the issuer's identifier; a did:key is the key itself, "
        "so who holds it is not established"
    )


def test_a_did_key_signature_by_someone_other_than_the_issuer_is_intact_but_another_signers(
    credential_file: Writer,
) -> None:
    key = ed25519.Ed25519PrivateKey.generate()

    result = import_credential(credential_file(_vc_jwt(key, "https://academy.example.de/issuer", "EdDSA")))

    assert result.signature is SignatureStatus.VERIFIED
    assert result.authenticity is Authenticity.OTHER_SIGNER
    assert result.authenticity_reason == (
        f"signed by {_did_key(key)}, which is not the credential's issuer (Rhein Data Academy GmbH)"
    )


def test_a_did_key_signature_over_changed_content_fails(credential_file: Writer) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    protected, payload, signature = _vc_jwt(key, _did_key(key), "EdDSA").split(".")
    changed = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    changed["credentialSubject"]["achievement"]["creditsAvailable"] = 20
    token = f"{protected}.{_b64url(json.dumps(changed).encode())}.{signature}"

    result = import_credential(credential_file(token))

    assert result.signature is SignatureStatus.FAILED
    assert result.signature_reason.startswith(f"the EdDSA signature does not match the key of {_did_key(key)}")


def test_an_envelope_without_its_payload_cannot_be_imported(credential_file: Writer) -> None:
    envelope = _jades(_microcredential(), ec.generate_private_key(ec.SECP256R1()))
    envelope["payload"] = ""

    with pytest.raises(CredentialImportError, match="carries no payload"):
        import_credential(credential_file(envelope))
