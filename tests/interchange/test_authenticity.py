"""Authenticity from file to decision: the tier each signed or unsigned credential gets, kept with the case, judged
by the assessment. Keys and certificates are made here, in the test; none is real."""

import base64
import hashlib
import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pypdf import PdfReader

from recogniser.casefile import parse_case
from recogniser.cli import main
from recogniser.interchange import CredentialImportError, import_credential
from recogniser.model import Outcome, RuleSet, Status
from recogniser.provenance import Authenticity, provenance_of
from recogniser.report import render_report
from recogniser.report.render import ORIGINAL_DESCRIPTION, Attachment
from recogniser.report.settings import ReportSettings
from recogniser.rules import assess
from recogniser.store import CaseStore, InvalidOriginalError
from recogniser.trust import TrustStore, add_trust_anchors
from tests.interchange.conftest import FIXTURES, fixture_document
from tests.interchange.test_signatures import VALID_FROM, Writer, _jades

IMPORTED_ON = date(2026, 12, 4)


def _name(common: str, organisation: str, identifier: str | None = None) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, common),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
    ]
    if identifier:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, identifier))
    return x509.Name(attributes)


def _issue(
    subject: x509.Name, key: ec.EllipticCurvePrivateKey, by: tuple[ec.EllipticCurvePrivateKey, x509.Name] | None = None
) -> x509.Certificate:
    signer, issuer = by or (key, subject)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(VALID_FROM + timedelta(days=730))
        .sign(signer, hashes.SHA256())
    )


class _Authority:
    """A certificate authority of the test, and a seal it issues to the credential's issuer."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.certificate = _issue(_name("Test Qualified Seal CA", "Test Trust Services"), self.key)
        self.seal_key = ec.generate_private_key(ec.SECP256R1())
        self.seal = _issue(
            _name("Adriatic Polytechnic e-seal", "Adriatic Polytechnic", "NTRHR-HR-0417"),
            self.seal_key,
            (self.key, self.certificate.subject),
        )

    def pem(self, folder: Path) -> Path:
        path = folder / "authority.pem"
        path.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        return path

    def signed(self, credential: dict[str, Any]) -> dict[str, Any]:
        return _jades(credential, self.seal_key, certificates=(self.seal, self.certificate))


def _microcredential() -> dict[str, Any]:
    return fixture_document("edc-microcredential.json")


def _import(path: Path, trust: TrustStore | None = None) -> Any:
    return import_credential(path, assessing_country="HR", trust=trust or TrustStore(), today=IMPORTED_ON)


def _authenticity_findings(document: dict[str, Any], as_of: date | None = None) -> Any:
    decision = assess(parse_case(document), as_of=as_of)
    return decision, [f for f in decision.findings if f.rule_set is RuleSet.AUTHENTICITY]


def test_an_unsigned_credential_records_its_source_and_leaves_verification_to_the_evaluator(
    credential_file: Writer,
) -> None:
    path = credential_file(_microcredential())

    result = _import(path)

    provenance = result.document["provenance"]
    assert provenance["source"]["format"] == "europass-elm3"
    assert provenance["source"]["file_name"] == path.name
    assert provenance["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert provenance["source"]["imported_on"] == "2026-12-04"
    assert provenance["authenticity"] == {
        "status": "no_signature",
        "reason": "the file carries no signature or proof",
        "reason_code": "no_signature",
        "reason_fields": {},
    }
    assert {
        "number": 6,
        "status": "mapped",
        "source": "credentialSubject.hasClaim.specifiedBy.learningOutcome.title",
    } in (provenance["elements"])
    decision, findings = _authenticity_findings(result.document)
    assert [(f.rule_id, f.status) for f in findings] == [("authenticity.signature", Status.UNKNOWN)]
    assert findings[0].message.startswith("Authenticity: no signature - the file carries no signature or proof.")
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION


def test_a_case_entered_by_hand_gets_no_authenticity_finding() -> None:
    document = {k: v for k, v in _import_document().items() if k != "provenance"}

    _, findings = _authenticity_findings(document)

    assert findings == []


def _import_document() -> dict[str, Any]:
    document: dict[str, Any] = _import(FIXTURES / "edc-microcredential.json").document
    return document


def test_a_seal_bound_to_the_issuer_and_chained_to_a_trusted_authority_is_verified(
    credential_file: Writer, tmp_path: Path
) -> None:
    authority = _Authority()
    trust_folder = tmp_path / "trust"
    add_trust_anchors(authority.pem(tmp_path), trust_folder)

    result = _import(credential_file(authority.signed(_microcredential())), TrustStore.load(trust_folder))

    assert result.authenticity is Authenticity.VERIFIED
    assert result.authenticity_reason.endswith(
        "the certificate names Adriatic Polytechnic and chains to the office's trust anchor Test Qualified Seal CA, "
        "Test Trust Services"
    )
    signer = result.document["provenance"]["authenticity"]["signer"]
    assert signer["name"] == "Adriatic Polytechnic e-seal, Adriatic Polytechnic"
    assert signer["identifier"] == "NTRHR-HR-0417"
    assert signer["chain"] == [
        "Adriatic Polytechnic e-seal, Adriatic Polytechnic",
        "Test Qualified Seal CA, Test Trust Services",
    ]
    assert signer["trust_anchor"] == "Test Qualified Seal CA, Test Trust Services"
    _, findings = _authenticity_findings(result.document)
    assert findings[0].status is Status.PASS
    assert findings[0].message.startswith("Authenticity: verified - ES256 signature matches")


def test_the_same_seal_without_the_office_trusting_its_authority_is_intact_with_the_signer_not_established(
    credential_file: Writer,
) -> None:
    result = _import(credential_file(_Authority().signed(_microcredential())))

    assert result.authenticity is Authenticity.SIGNER_NOT_ESTABLISHED
    assert result.authenticity_reason.endswith(
        "the certificate names Adriatic Polytechnic, and its chain reaches no trust anchor (none is configured)"
    )
    decision, findings = _authenticity_findings(result.document)
    assert findings[0].status is Status.UNKNOWN
    assert findings[0].message.startswith("Authenticity: intact, signer not established - ")
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION


def test_a_credential_re_signed_with_an_unrelated_self_signed_certificate_is_not_verified(
    credential_file: Writer, tmp_path: Path
) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    stranger = _issue(_name("Quick Seal", "Nobody in Particular Ltd"), key)
    trust_folder = tmp_path / "trust"
    (tmp_path / "stranger.pem").write_bytes(stranger.public_bytes(serialization.Encoding.PEM))
    add_trust_anchors(tmp_path / "stranger.pem", trust_folder)  # even a trusted certificate must name the issuer

    result = _import(
        credential_file(_jades(_microcredential(), key, certificates=(stranger,))), TrustStore.load(trust_folder)
    )

    assert result.authenticity is Authenticity.OTHER_SIGNER
    assert result.authenticity_reason.endswith(
        "the certificate names Quick Seal, Nobody in Particular Ltd, neither the issuer nor the awarding body "
        "(Adriatic Polytechnic, Jadransko veleučilište)"
    )
    _, findings = _authenticity_findings(result.document)
    assert findings[0].status is Status.WARNING
    assert findings[0].message.startswith("Authenticity: intact, signed by someone other than the issuer - ")


def _tampered() -> dict[str, Any]:
    """A sealed credential whose grade was raised after signing."""
    envelope = _Authority().signed(_microcredential())
    payload = json.loads(base64.urlsafe_b64decode(envelope["payload"] + "=" * (-len(envelope["payload"]) % 4)))
    payload["credentialSubject"]["hasClaim"]["provenBy"]["grade"]["noteLiteral"]["en"] = "Excellent (5)"
    envelope["payload"] = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return envelope


def test_a_credential_changed_after_signing_fails_and_stops_the_recommendation(credential_file: Writer) -> None:
    result = _import(credential_file(_tampered()))

    assert result.authenticity is Authenticity.FAILED
    assert result.document["provenance"]["authenticity"]["status"] == "failed"
    decision, findings = _authenticity_findings(result.document)
    assert findings[0].status is Status.FAIL
    assert "LRC Art. III.3" in findings[0].citation
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert decision.recommendation.information_required == ("an authentic credential (verification with the issuer)",)
    assert decision.to_json()["findings"][0]["rule_set"] == "authenticity"


def test_an_expired_credential_is_recorded_and_found_expired(credential_file: Writer) -> None:
    credential = _microcredential()
    credential["expirationDate"] = "2026-06-30T00:00:00Z"

    result = _import(credential_file(credential))

    assert result.document["provenance"]["validity"] == {
        "valid_from": "2025-06-30T00:00:00Z",
        "valid_until": "2026-06-30T00:00:00Z",
        "until_source": "expirationDate",
    }
    assert any(line.startswith("Validity period: valid until 2026-06-30T00:00:00Z") for line in result.not_used)
    _, findings = _authenticity_findings(result.document)
    expiry = next(f for f in findings if f.rule_id == "authenticity.validity")
    assert expiry.status is Status.WARNING
    assert expiry.message.startswith(
        "The credential expired on 2026-06-30, before the day it was imported (2026-12-04)"
    )
    _, earlier = _authenticity_findings(result.document, as_of=date(2026, 1, 15))
    assert next(f for f in earlier if f.rule_id == "authenticity.validity").status is Status.PASS


def test_a_status_list_entry_is_kept_with_its_address_and_reported_not_checked(credential_file: Writer) -> None:
    credential = _microcredential()
    credential["credentialStatus"] = {
        "id": "https://status.adriatic-polytechnic.example/lists/7#4187",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "4187",
        "statusListCredential": "https://status.adriatic-polytechnic.example/lists/7",
    }

    result = _import(credential_file(credential))

    assert result.document["provenance"]["status"] == [
        {
            "purpose": "revocation",
            "address": "https://status.adriatic-polytechnic.example/lists/7",
            "index": "4187",
            "type": "BitstringStatusListEntry",
        }
    ]
    assert (
        "Status list (revocation): not checked, this offline import does not fetch it; check entry 4187 of "
        "https://status.adriatic-polytechnic.example/lists/7"
    ) in result.not_used
    _, findings = _authenticity_findings(result.document)
    listed = next(f for f in findings if f.rule_id == "authenticity.status")
    assert listed.status is Status.UNKNOWN
    assert "revocation status not checked: check entry 4187 of https://status.adriatic-polytechnic.example/lists/7" in (
        listed.message
    )
    assert provenance_of(result.document) is not None


def test_the_europass_upload_wrapper_is_opened(credential_file: Writer) -> None:
    result = _import(credential_file({"credential": _microcredential()}))

    assert result.document["credential"]["title"] == "Maritime Safety and Security"


def test_a_signed_credential_inside_the_upload_wrapper_keeps_its_signature(credential_file: Writer) -> None:
    result = _import(credential_file({"credential": _Authority().signed(_microcredential())}))

    assert result.authenticity is Authenticity.SIGNER_NOT_ESTABLISHED


def test_a_jwt_missing_a_segment_is_named_as_such(credential_file: Writer) -> None:
    header = base64.urlsafe_b64encode(b'{"alg":"ES256"}').rstrip(b"=").decode()
    payload = base64.urlsafe_b64encode(b'{"vc":{}}').rstrip(b"=").decode()

    with pytest.raises(CredentialImportError) as raised:
        _import(credential_file(f"{header}.{payload}", ".jwt"))

    assert raised.value.reason == (
        "a JWS (VC-JWT) in 2 parts: a signed credential has three, header.payload.signature "
        "(the file may have been cut short)"
    )


def test_trust_add_takes_a_certificate_or_an_eu_trusted_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    authority = _Authority()
    der = base64.b64encode(authority.certificate.public_bytes(serialization.Encoding.DER)).decode()
    trusted_list = tmp_path / "TL-XX.xml"
    trusted_list.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#">'
        "<tsl:TrustServiceProviderList><tsl:TrustServiceProvider><tsl:TSPServices><tsl:TSPService>"
        "<tsl:ServiceInformation><tsl:ServiceDigitalIdentity><tsl:DigitalId>"
        f"<tsl:X509Certificate>{der}</tsl:X509Certificate>"
        "</tsl:DigitalId></tsl:ServiceDigitalIdentity></tsl:ServiceInformation>"
        "</tsl:TSPService></tsl:TSPServices></tsl:TrustServiceProvider></tsl:TrustServiceProviderList>"
        "</tsl:TrustServiceStatusList>\n",
        "utf-8",
    )

    assert main(["trust", "add", str(trusted_list)]) == 0
    assert "Trusted Test Qualified Seal CA, Test Trust Services" in capsys.readouterr().out
    assert main(["trust", "list"]) == 0
    assert "Test Qualified Seal CA, Test Trust Services (valid until 2027-01-01)" in capsys.readouterr().out
    assert len(TrustStore.load()) == 1
    assert main(["trust", "add", str(tmp_path / "missing.pem")]) == 2
    (tmp_path / "junk.pem").write_text("hello", "utf-8")
    assert main(["trust", "add", str(tmp_path / "junk.pem")]) == 2
    assert capsys.readouterr().err.endswith("junk.pem: not a certificate (PEM or DER) or an EU trusted list\n")
    fingerprint = next(iter(TrustStore.load().anchors))
    assert main(["trust", "remove", fingerprint[:12]]) == 0
    assert len(TrustStore.load()) == 0


def test_the_report_shows_the_authenticity_near_the_top_and_attaches_the_original(credential_file: Writer) -> None:
    path = credential_file(_tampered())
    result = _import(path)
    case = parse_case(result.document)
    original = Attachment(path.name, path.read_bytes(), ORIGINAL_DESCRIPTION)

    pdf = render_report(case, assess(case), ReportSettings(), today=IMPORTED_ON, original=original)

    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments[path.name] == [path.read_bytes()]
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Recommended outcome Information required" in first
    assert "Authenticity failed - " in first
    assert f"Original credential {path.name}, SHA-256 {hashlib.sha256(path.read_bytes()).hexdigest()}" in first
    assert "an authentic credential (verification with the issuer)" in " ".join(
        " ".join(page.extract_text().split()) for page in reader.pages
    )


def test_the_store_keeps_the_original_only_when_it_is_the_file_the_case_names(
    credential_file: Writer, sqlite_url: str
) -> None:
    path = credential_file(_microcredential())
    result = _import(path)
    with CaseStore.open(sqlite_url) as store:
        stored = store.add_case(parse_case(result.document))
        assert store.original(stored.reference) is None

        with pytest.raises(InvalidOriginalError):
            store.keep_original(stored.reference, "other.json", b"{}")
        store.keep_original(stored.reference, path.name, path.read_bytes())

        assert store.original(stored.reference) == (path.name, path.read_bytes())
        store.delete_case(stored.reference, stored.version)


def _expired() -> dict[str, Any]:
    credential = _microcredential()
    credential["validUntil"] = "2026-06-30T00:00:00Z"
    return credential


def _listed() -> dict[str, Any]:
    credential = _microcredential()
    credential["credentialStatus"] = {
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "77",
        "statusListCredential": "https://status.adriatic-polytechnic.example/lists/2",
    }
    return credential


def _re_signed() -> dict[str, Any]:
    key = ec.generate_private_key(ec.SECP256R1())
    return _jades(_microcredential(), key, certificates=(_issue(_name("Quick Seal", "Nobody in Particular Ltd"), key),))


def _edubadges_qa() -> dict[str, Any]:
    badge = fixture_document("ob3-edubadges.json")
    badge["credentialSubject"]["achievement"]["alignment"][2] = {
        "type": ["Alignment"],
        "targetType": "ext:QualityAssurance",
        "targetName": "B Process Engineering",
        "targetCode": "34397",
        "targetUrl": "https://register.example.nl/decisions/34397",
    }
    return badge


#: Each fixture of the issue's proof: how it is made, the words its report shows first, and a sentence the
#: report carries further down (a finding or a warning kept with the case).
PROOF = {
    "unsigned": (
        _microcredential,
        "no signature - the file carries no signature or proof",
        "verify it with the issuer",
    ),
    "sealed by the issuer": (
        lambda: _Authority().signed(_microcredential()),
        "intact, signer not established -",
        "Establish who signed",
    ),
    "re-signed by a stranger": (
        _re_signed,
        "intact, signed by someone other than the issuer -",
        "Nobody in Particular",
    ),
    "changed after signing": (_tampered, "failed -", "an authentic credential (verification with the issuer)"),
    "expired": (_expired, "no signature", "The credential expired on 2026-06-30"),
    "status list": (_listed, "no signature", "revocation status not checked: check entry 77 of"),
    "upload wrapper": (lambda: {"credential": _microcredential()}, "no signature", "Maritime Safety and Security"),
    "notation only, learner by e-mail": (
        lambda: fixture_document("edc-notation-only.json"),
        "no signature",
        "Identification of the learner MISSING",
    ),
    "open badge with a parent organisation": (
        lambda: fixture_document("ob3-parent-org.json"),
        "no signature",
        "Kanto Education Holdings",
    ),
    "edubadges with its QA alignment": (_edubadges_qa, "no signature", "accredited programme B Process Engineering"),
}


@pytest.mark.parametrize("name", list(PROOF))
def test_each_proof_fixture_reaches_the_case_the_assessment_and_the_pdf(credential_file: Writer, name: str) -> None:
    build, first_words, further = PROOF[name]
    path = credential_file(build())
    result = _import(path)
    case = parse_case(result.document)
    decision = assess(case)

    assert provenance_of(result.document) is not None
    assert decision.findings[0].rule_id == "authenticity.signature"
    original = Attachment(path.name, path.read_bytes(), ORIGINAL_DESCRIPTION)
    reader = PdfReader(
        io.BytesIO(render_report(case, decision, ReportSettings(), today=IMPORTED_ON, original=original))
    )
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert f"Authenticity {first_words}" in first_page
    assert reader.attachments[path.name] == [path.read_bytes()]
    assert further in " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_a_report_made_without_the_original_names_its_digest_to_compare_a_copy_against(credential_file: Writer) -> None:
    path = credential_file(_microcredential())
    case = parse_case(_import(path).document)

    reader = PdfReader(io.BytesIO(render_report(case, assess(case), ReportSettings(), today=IMPORTED_ON)))

    first = " ".join(reader.pages[0].extract_text().split())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert f"{path.name}, SHA-256 {digest}; not attached to this report: compare a copy by its SHA-256" in first
    assert path.name not in reader.attachments
