"""From a signature check to an honest tier (:class:`~recogniser.provenance.Authenticity`).

A signature that matches proves only that whoever holds the key signed these bytes. *Verified* needs two more
things: the signer is bound to the credential's issuer or awarding body (a certificate naming it, or the
issuer's own DID), and the signer's certificate chains to a trust anchor the office configured
(:mod:`recogniser.trust`). Each tier's reason says what was and was not established.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from recogniser.authenticity_reasons import reason
from recogniser.interchange.jsonld import first_node, identifier_of, nodes, text_in
from recogniser.interchange.signatures import SignatureCheck, SignatureStatus
from recogniser.provenance import Authenticity
from recogniser.trust import TrustStore, certificate_name, fingerprint


@dataclass(frozen=True)
class AuthenticityResult:
    status: Authenticity
    reason: str
    #: The signer as the provenance records it: name, identifier, chain (subject names, signer first), anchor.
    signer: dict[str, Any] = field(default_factory=dict)


def judge_authenticity(
    check: SignatureCheck,
    credential: dict[str, Any],
    *,
    signed: bool,
    trust: TrustStore,
    issuer_claim: str | None = None,
) -> AuthenticityResult:
    """The tier of a credential whose signature check gave ``check``; ``signed``: the file carries a signature or
    proof at all; ``issuer_claim`` the issuer a VC-JWT names beside the credential (``iss``)."""
    if check.status is SignatureStatus.FAILED:
        return AuthenticityResult(Authenticity.FAILED, check.reason)
    if check.status is SignatureStatus.NOT_VERIFIED:
        if not signed:
            return AuthenticityResult(Authenticity.NO_SIGNATURE, reason("no_signature"))
        return AuthenticityResult(Authenticity.NOT_CHECKED, check.reason)
    parties = _Parties.of(credential, issuer_claim)
    if check.certificates:
        return _by_certificate(check, parties, trust)
    if check.signer is not None:
        signer = {"identifier": check.signer}
        if check.signer in parties.identifiers:
            return AuthenticityResult(
                Authenticity.SIGNER_NOT_ESTABLISHED, reason("did_not_vouched", check=check.reason), signer
            )
        return AuthenticityResult(
            Authenticity.OTHER_SIGNER, reason("signed_by_other", signer=check.signer, parties=parties.named()), signer
        )
    return AuthenticityResult(Authenticity.SIGNER_NOT_ESTABLISHED, check.reason)


def _by_certificate(check: SignatureCheck, parties: _Parties, trust: TrustStore) -> AuthenticityResult:
    leaf = check.certificates[0]
    holder = certificate_name(leaf.subject)
    chain = [certificate_name(certificate.subject) for certificate in check.certificates]
    signer: dict[str, Any] = {"name": holder, "chain": chain, "fingerprint": fingerprint(leaf)}
    identifier = _organisation_identifier(leaf)
    if identifier:
        signer["identifier"] = identifier
    anchor = trust.anchor_of(check.certificates)
    if anchor is not None:
        signer["trust_anchor"] = anchor.name
    bound = parties.binds(leaf)
    if bound is None:
        return AuthenticityResult(
            Authenticity.OTHER_SIGNER,
            reason("certificate_names_other", check=check.reason, holder=holder, parties=parties.named()),
            signer,
        )
    if anchor is None:
        trusted = reason("none_of_anchors", count=len(trust)) if len(trust) else reason("no_anchor")
        return AuthenticityResult(
            Authenticity.SIGNER_NOT_ESTABLISHED,
            reason("trust_anchor_not_reached", check=check.reason, bound=bound, trusted=trusted),
            signer,
        )
    return AuthenticityResult(
        Authenticity.VERIFIED,
        reason("trust_anchor_reached", check=check.reason, bound=bound, anchor=anchor.name),
        signer,
    )


def _organisation_identifier(certificate: x509.Certificate) -> str | None:
    """The organisation identifier an eIDAS seal certificate carries (ETSI EN 319 412-1: ``VATHR-…``, ``NTR…``)."""
    values = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_IDENTIFIER)
    return str(values[0].value) if values else None


def _key(text: str) -> str:
    """Names compare without case, accents, punctuation or spacing."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(char for char in decomposed if not unicodedata.combining(char)))


@dataclass(frozen=True)
class _Parties:
    """Who may sign a credential: its issuer and its awarding body, by name, identifier and registration."""

    names: dict[str, str]
    identifiers: frozenset[str]
    registrations: frozenset[str]

    @classmethod
    def of(cls, credential: dict[str, Any], issuer_claim: str | None = None) -> _Parties:
        subject = first_node(credential.get("credentialSubject")) or {}
        organisations = nodes(credential.get("issuer"))
        for claim in nodes(subject.get("hasClaim")):
            for process in nodes(claim.get("awardedBy")):
                organisations += nodes(process.get("awardingBody"))
        for achievement in nodes(subject.get("achievement")):
            organisations += nodes(achievement.get("creator"))
        names: dict[str, str] = {}
        identifiers = {identifier_of(credential.get("issuer")), issuer_claim}
        registrations = set()
        for organisation in organisations:
            identifiers.add(identifier_of(organisation))
            for key in ("legalName", "name", "altLabel"):
                value = organisation.get(key)
                texts = value.values() if isinstance(value, dict) and "@value" not in value else [value]
                for text in texts:
                    found = text_in(text)
                    if found and _key(found):
                        names.setdefault(_key(found), found)
            for registration in nodes(organisation.get("registration")) + nodes(organisation.get("otherIdentifier")):
                notation = registration.get("notation") or registration.get("identifier")
                if isinstance(notation, str) and len(_key(notation)) >= 4:
                    registrations.add(_key(notation))
        return cls(names, frozenset(i for i in identifiers if i), frozenset(registrations))

    def named(self) -> str:
        return ", ".join(sorted(set(self.names.values()))) or ", ".join(sorted(self.identifiers)) or reason("not_named")

    def binds(self, certificate: x509.Certificate) -> str | None:
        """The issuer or awarding body the certificate names (organisation or common name, organisation
        identifier, or a URI in its alternative names), or None when it names neither."""
        subject = certificate.subject
        for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
            for attribute in subject.get_attributes_for_oid(oid):
                found = self.names.get(_key(str(attribute.value)))
                if found:
                    return found
        identifier = _organisation_identifier(certificate)
        if identifier and any(registration in _key(identifier) for registration in self.registrations):
            return reason("registration", identifier=identifier)
        try:
            alternative = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        except x509.ExtensionNotFound:
            return None
        for uri in alternative.get_values_for_type(x509.UniformResourceIdentifier):
            if uri in self.identifiers:
                return uri
        return None
