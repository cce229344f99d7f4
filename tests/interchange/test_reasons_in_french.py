"""An import's authenticity reason reads in the reader's language: from the code and fields the case file keeps
beside the English sentence, or, in a case file written before them, from the English sentence recognised; any
other text is shown as the case's own words, quoted."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from recogniser.authenticity_reasons import COUNT, DAY, FORMS, MOMENT, TEXT, Form, encoded, reason, reason_of
from recogniser.case_checks import unknown_keys
from recogniser.casefile import parse_case
from recogniser.i18n import Phrase, Value, shown
from recogniser.interchange import import_credential
from recogniser.provenance import provenance_of
from recogniser.report import render_report
from recogniser.report.settings import ReportSettings
from recogniser.trust import TrustStore, add_trust_anchors
from tests.interchange.conftest import fixture_document
from tests.interchange.test_authenticity import _Authority as Authority
from tests.interchange.test_authenticity import _tampered
from tests.interchange.test_signatures import Writer

_BY_CODE = {form.code: form for form in FORMS}
NBSP = "\u00a0"


def _example(code: str, pick: int = 0) -> Phrase:
    """The sentence ``code`` with fields as an import fills them: names with commas and brackets, a count, a day,
    a moment, and where a field may hold several sentences (or text), the first of them (``pick`` 0) or the last
    (-1)."""
    form = _BY_CODE[code]
    values: dict[str, Value] = {}
    for index, (name, kind) in enumerate(form.fields.items()):
        if isinstance(kind, tuple) and kind[pick] != TEXT:
            values[name] = _example(kind[pick], pick)
        elif isinstance(kind, tuple):
            values[name] = f"Holder {index}, Ltd. (HR)"
        elif kind == COUNT:
            values[name] = 3
        elif kind == DAY:
            values[name] = date(2026, 3, index + 1)
        elif kind == MOMENT:
            values[name] = datetime(2026, 2, 3, 14, 5, tzinfo=UTC)
        else:
            values[name] = f"Holder {index}, Ltd. (HR)"
    return reason(code, **values)


def _stored(text: Phrase) -> dict[str, Any]:
    """The ``authenticity`` object an import writes, through JSON as a case file holds it."""
    coded = encoded(text)
    assert coded is not None
    return json.loads(
        json.dumps({"status": "verified", "reason": text, "reason_code": coded[0], "reason_fields": coded[1]})
    )


@pytest.mark.parametrize("pick", [0, -1])
@pytest.mark.parametrize("form", [form for form in FORMS if form.whole], ids=lambda form: form.code)
def test_every_reason_the_import_writes_reads_back_from_its_code_and_from_its_english_alone(
    form: Form, pick: int
) -> None:
    written = _example(form.code, pick)
    stored = _stored(written)
    from_code = reason_of(stored)
    from_english = reason_of({"reason": str(written)})  # a case file written before the codes
    assert from_code == from_english == written
    assert shown(from_code, "fr") == shown(from_english, "fr") == written.text("fr") != written


def test_dates_inside_a_reason_read_as_french_writes_them() -> None:
    stored = _stored(_example("signed_outside_validity"))
    assert stored["reason_fields"]["signed_at"] == "2026-02-03T14:05:00+00:00"
    assert stored["reason"] == (
        "signed at 2026-02-03 14:05 UTC, outside the validity of Holder 1, Ltd. (HR)'s certificate (2026-03-03 to "
        "2026-03-04)"
    )
    assert shown(reason_of(stored), "fr") == (
        "signée le 3 février 2026, 14:05 UTC, hors de la période de validité du certificat établi pour Holder 1, "
        "Ltd. (HR) (du 3 mars 2026 au 4 mars 2026)"
    )


def test_a_reason_the_import_never_writes_is_the_case_s_own_words_quoted() -> None:
    said = reason_of({"reason": "checked by telephone with the registrar"})
    assert said == "checked by telephone with the registrar"
    assert shown(said, "fr") == f"«{NBSP}checked by telephone with the registrar{NBSP}»"
    assert reason_of({}) == ""


@pytest.mark.parametrize(
    "code, fields",
    [
        ("no_such_code", {}),
        ("certificate_matches", {"algorithm": "ES256"}),
        ("signature_malformed", {"algorithm": 256}),
        ("all_signatures", {"count": "two", "check": {"code": "did_key_matches", "fields": {}}}),
        ("did_not_vouched", {"check": {"code": "no_signature", "fields": {}}}),
        ("did_not_vouched", {"check": {"code": "did_key_matches", "fields": [1, 2]}}),
        ("signed_outside_validity", {"signed_at": "yesterday", "holder": "A", "valid_from": "x", "valid_until": "y"}),
    ],
)
def test_a_code_whose_fields_do_not_fit_it_leaves_the_english_to_be_read(code: str, fields: dict[str, Any]) -> None:
    english = str(_example("signature_malformed"))
    said = reason_of({"reason": english, "reason_code": code, "reason_fields": fields})
    assert shown(said, "fr") == "la signature Holder 0, Ltd. (HR) est mal formée"


def _imports(credential_file: Writer, tmp_path: Path) -> list[dict[str, Any]]:
    """Case documents of a sealed credential trusted, not trusted, and changed after sealing, and of an unsigned
    one."""
    authority = Authority()
    add_trust_anchors(authority.pem(tmp_path), tmp_path / "trust")
    sealed = credential_file(authority.signed(fixture_document("edc-microcredential.json")))
    files = [
        (sealed, TrustStore.load(tmp_path / "trust")),
        (sealed, TrustStore()),
        (credential_file(_tampered()), TrustStore()),
        (credential_file(fixture_document("edc-microcredential.json")), TrustStore()),
    ]
    return [import_credential(path, assessing_country="HR", trust=trust).document for path, trust in files]


def test_an_imported_case_reads_the_same_whether_it_keeps_the_codes_or_only_the_english(
    credential_file: Writer, tmp_path: Path
) -> None:
    for document in _imports(credential_file, tmp_path):
        assert unknown_keys(document) == ()
        authenticity = document["provenance"]["authenticity"]
        assert authenticity["reason_code"] in _BY_CODE
        older = json.loads(json.dumps(document))
        del older["provenance"]["authenticity"]["reason_code"], older["provenance"]["authenticity"]["reason_fields"]
        new, old = provenance_of(document), provenance_of(older)
        assert new is not None and old is not None
        assert new.reason == old.reason == authenticity["reason"]
        assert shown(new.line, "fr") == shown(old.line, "fr")
        assert not shown(new.reason, "fr").startswith(("ES256", "the ", "«"))


def test_the_french_report_gives_the_reason_in_french(credential_file: Writer, tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    from recogniser.i18n import language_in_use
    from recogniser.rules import assess

    document = _imports(credential_file, tmp_path)[1]
    case = parse_case(document)
    with language_in_use("fr"):
        pdf = render_report(case, assess(case), ReportSettings())
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "sa chaîne n’atteint aucune ancre de confiance" in text
    assert "signature matches" not in text
