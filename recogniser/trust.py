"""The office's trust anchors: the certificates a signer's chain must reach for a credential to be *verified*.

They live in the user data folder (``trust/``), one PEM file per certificate named by its SHA-256 fingerprint.
``recogniser trust add FILE`` (and the window's settings) add a certificate (PEM or DER) or every service
certificate of an EU trusted list the office downloaded itself (the ETSI TS 119 612 XML). Nothing is fetched:
an office that trusts nothing gets no *verified* answer, only *intact, signer not established*.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID

from recogniser.authenticity_reasons import reason
from recogniser.errors import UserInputError, cannot_read, located
from recogniser.files import write_bytes_atomically
from recogniser.i18n import phrase, plural
from recogniser.joining import grouped, quoted
from recogniser.resources import user_data_path

TRUST_FOLDER = "trust"
#: A trusted list of a member state is a few MB; the EU list of lists is smaller. Anything far larger is refused.
MAX_TRUST_FILE_BYTES = 64 * 1024 * 1024
_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)
#: ETSI TS 119 612: each service's identity is an <X509Certificate> of base64 DER, whatever the namespace prefix.
_TRUSTED_LIST_CERTIFICATE = re.compile(rb"<(?:[\w.-]+:)?X509Certificate>\s*([A-Za-z0-9+/=\s]+?)\s*</", re.DOTALL)


@dataclass(frozen=True)
class TrustAnchor:
    certificate: x509.Certificate
    fingerprint: str

    @property
    def name(self) -> str:
        return certificate_name(self.certificate.subject)


def trust_folder() -> Path:
    return user_data_path() / TRUST_FOLDER


def fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()


def certificate_name(name: x509.Name) -> str:
    """``Adriatic Polytechnic e-seal, Adriatic Polytechnic``: the common and organisation names of a holder."""
    parts = [
        str(attribute.value)
        for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME)
        for attribute in name.get_attributes_for_oid(oid)
    ]
    return ", ".join(dict.fromkeys(parts)) or name.rfc4514_string() or reason("unnamed_holder")


class TrustStore:
    """The anchors an office configured; empty when it configured none."""

    def __init__(self, anchors: Iterable[TrustAnchor] = ()) -> None:
        self.anchors = {anchor.fingerprint: anchor for anchor in anchors}

    @classmethod
    def load(cls, folder: Path | None = None) -> TrustStore:
        """The anchors in ``folder`` (default: the user data folder's ``trust``); unreadable files are skipped,
        so one damaged file never blocks an import (``recogniser trust list`` names them)."""
        where = folder or trust_folder()
        anchors = []
        for path in sorted(where.glob("*.pem")) if where.is_dir() else []:
            try:
                anchors += [TrustAnchor(item, fingerprint(item)) for item in read_certificates(path.read_bytes())]
            except (OSError, UserInputError):
                continue
        return cls(anchors)

    def __len__(self) -> int:
        return len(self.anchors)

    def anchor_of(self, chain: Iterable[x509.Certificate]) -> TrustAnchor | None:
        """The anchor a certificate chain reaches: one of its certificates is an anchor, or its top certificate
        was issued by one (checked by signature, not by name alone)."""
        certificates = list(chain)
        for certificate in certificates:
            found = self.anchors.get(fingerprint(certificate))
            if found is not None:
                return found
        if not certificates:
            return None
        top = certificates[-1]
        for anchor in self.anchors.values():
            if anchor.certificate.subject != top.issuer:
                continue
            try:
                top.verify_directly_issued_by(anchor.certificate)
            except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
                continue
            return anchor
        return None


def read_certificates(data: bytes) -> list[x509.Certificate]:
    """The certificates in a PEM or DER file, or the service certificates of an EU trusted list (XML)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        try:
            if b"-----BEGIN CERTIFICATE-----" in data:
                return [x509.load_pem_x509_certificate(block) for block in _PEM_BLOCK.findall(data)]
            if data.lstrip().startswith(b"<"):
                return _trusted_list_certificates(data)
            return [x509.load_der_x509_certificate(data)]
        except (ValueError, binascii.Error, UnsupportedAlgorithm, x509.InvalidVersion):
            raise UserInputError(phrase("not a certificate (PEM or DER) or an EU trusted list")) from None


def _trusted_list_certificates(data: bytes) -> list[x509.Certificate]:
    found = {}
    for encoded in _TRUSTED_LIST_CERTIFICATE.findall(data):
        certificate = x509.load_der_x509_certificate(base64.b64decode(b"".join(encoded.split()), validate=True))
        found[fingerprint(certificate)] = certificate
    if not found:
        raise UserInputError(phrase("an XML file with no X509Certificate: not an EU trusted list"))
    return list(found.values())


def add_trust_anchors(path: str | os.PathLike[str], folder: Path | None = None) -> list[TrustAnchor]:
    """Copy the certificates of ``path`` into the trust store; returns the anchors added (new or already there)."""
    source = os.fspath(path)
    try:
        if os.path.getsize(source) > MAX_TRUST_FILE_BYTES:
            problem = phrase("larger than {limit} bytes: not a certificate file", limit=grouped(MAX_TRUST_FILE_BYTES))
            raise UserInputError(located(source, problem))
        data = Path(source).read_bytes()
    except OSError as error:
        raise UserInputError(located(source, cannot_read(error))) from None
    try:
        certificates = read_certificates(data)
    except UserInputError as error:
        raise UserInputError(located(source, error.lines()[0])) from None
    where = folder or trust_folder()
    where.mkdir(parents=True, exist_ok=True)
    anchors = []
    for certificate in certificates:
        anchor = TrustAnchor(certificate, fingerprint(certificate))
        target = where / f"{anchor.fingerprint}.pem"
        if not target.exists():
            write_bytes_atomically(target, certificate.public_bytes(serialization.Encoding.PEM))
        anchors.append(anchor)
    return anchors


def remove_trust_anchor(prefix: str, folder: Path | None = None) -> TrustAnchor:
    """Remove the anchor whose fingerprint starts with ``prefix`` (at least 8 hex digits)."""
    wanted = prefix.strip().lower().replace(":", "")
    if len(wanted) < 8 or not all(char in "0123456789abcdef" for char in wanted):
        problem = phrase("give at least 8 hex digits of the fingerprint ({command})", command="recogniser trust list")
        raise UserInputError(located(quoted(prefix), problem))
    store = TrustStore.load(folder)
    matches = [anchor for key, anchor in store.anchors.items() if key.startswith(wanted)]
    if len(matches) != 1:
        problem = (
            phrase("no trusted certificate has that fingerprint")
            if not matches
            else plural(
                "{n} trusted certificate has that fingerprint",
                "{n} trusted certificates have that fingerprint",
                n=len(matches),
            )
        )
        raise UserInputError(located(prefix, problem))
    ((folder or trust_folder()) / f"{matches[0].fingerprint}.pem").unlink()
    return matches[0]
