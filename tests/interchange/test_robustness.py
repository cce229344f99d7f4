"""Whatever a credential's fields hold, the import gives a valid case or a one-line reason, never a crash."""

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recogniser.case_checks import validation_problems
from recogniser.interchange import CredentialImportError, SignatureStatus, import_credential_bytes
from tests.interchange.conftest import fixture_document
from tests.interchange.test_signatures import _jades

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        document = document[step]
    document[path[-1]] = value


@pytest.mark.parametrize("name", ["edc-microcredential.json", "ob3-badge.json", "ob3-edubadges.json"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_value_in_any_field_imports_or_is_refused_with_a_reason(name: str, data: st.DataObject) -> None:
    document = fixture_document(name)
    paths = _paths(document)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        path = data.draw(st.sampled_from(paths))
        try:
            _replace(document, path, data.draw(JSON_VALUES))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed this path

    raw = json.dumps(document).encode()
    try:
        result = import_credential_bytes(raw, assessing_country="HR")
    except CredentialImportError as error:
        assert "\n" not in str(error)
        return
    assert validation_problems(result.document) == []
    assert len(result.elements) == 16


SIGNING_KEY = ec.generate_private_key(ec.SECP256R1())
ENVELOPE = _jades(fixture_document("edc-microcredential.json"), SIGNING_KEY)
ENVELOPE_TEXT = json.dumps(ENVELOPE)


@settings(max_examples=60, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=len(ENVELOPE_TEXT) - 1),
    replacement=st.characters(exclude_categories=("Cs",)),
)
def test_a_damaged_signed_envelope_never_verifies_and_never_crashes(position: int, replacement: str) -> None:
    damaged = ENVELOPE_TEXT[:position] + replacement + ENVELOPE_TEXT[position + 1 :]

    try:
        result = import_credential_bytes(damaged.encode(), assessing_country="HR")
    except CredentialImportError:
        return
    if _signed_parts(json.loads(damaged)) != _signed_parts(ENVELOPE):
        assert result.signature is not SignatureStatus.VERIFIED


def _signed_parts(envelope: Any) -> Any:
    """What the signature covers, and the signature itself; the unprotected header is outside both."""
    signature = envelope.get("signatures", [{}])[0]
    return envelope.get("payload"), signature.get("protected"), signature.get("signature")
