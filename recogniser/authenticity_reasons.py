"""Why an imported credential has its authenticity tier, kept as a code with typed fields and worded at the edge.

The import says why in a sentence ("ES256 signature matches the embedded certificate of …; the certificate names
…"). The case file keeps that English sentence under ``provenance.authenticity.reason``, as it always has, and
beside it the sentence's code (``reason_code``) and fields (``reason_fields``: names, counts, ISO dates, and the
code and fields of a sentence nested inside), so that a reader in another language is shown it in theirs. A case
file written before the codes holds only the English: :func:`reason_of` recognises the sentences the import
writes and reads their fields back; any other text is shown as the case's own words, quoted.

Each sentence is a :class:`Form` in :data:`FORMS`, its template marked for the catalogue. A form's code is stable
(case files hold it); its English may be reworded, since the template is taken from here when shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from recogniser.i18n import N_, Phrase, Value, fields_of, pphrase

#: Kinds of a field: any text (a name, an algorithm), a whole number, a day, a moment in UTC; a field holding a
#: nested sentence names the codes it may hold instead (and ``TEXT`` among them where plain text may stand).
TEXT = "text"
COUNT = "count"
DAY = "day"
MOMENT = "moment"
Kind = str | tuple[str, ...]

#: The longest stored reason read back into its fields: the import's own are a few hundred characters (names in
#: certificates are at most 64 characters each), and reading a longer text against the forms takes time growing
#: faster than its length.
MAX_PARSED = 1500


@dataclass(frozen=True)
class Form:
    """One sentence the import may give: its code, its English template and the kind of each field. ``whole``:
    the sentence stands as a reason on its own (not only as a piece of another)."""

    code: str
    template: str
    fields: Mapping[str, Kind]
    whole: bool = True


_HOLDER = (TEXT, "unnamed_holder")
#: What a valid signature's check says, nested in the sentence that says how far its signer is established.
_MATCHED = ("all_signatures", "certificate_matches_unevaluated", "certificate_matches", "did_key_matches")
_AUTHORITY = ("chain_up_to", "self_signed", "issued_by")

FORMS: tuple[Form, ...] = (
    # The tier, from the signer's binding and the office's trust anchors (interchange/authenticity.py).
    Form(
        "trust_anchor_reached",
        N_("{check}; the certificate names {bound} and chains to the office's trust anchor {anchor}"),
        {"check": _MATCHED, "bound": (TEXT, "registration"), "anchor": TEXT},
    ),
    Form(
        "trust_anchor_not_reached",
        N_("{check}; the certificate names {bound}, and its chain reaches {trusted}"),
        {"check": _MATCHED, "bound": (TEXT, "registration"), "trusted": ("none_of_anchors", "no_anchor")},
    ),
    Form(
        "certificate_names_other",
        N_("{check}; the certificate names {holder}, neither the issuer nor the awarding body ({parties})"),
        {"check": _MATCHED, "holder": _HOLDER, "parties": (TEXT, "not_named")},
    ),
    Form(
        "did_not_vouched",
        N_("{check}; no trust anchor vouches for a DID, so who holds it is not established"),
        {"check": _MATCHED},
    ),
    Form(
        "signed_by_other",
        N_("signed by {signer}, which is not the credential's issuer ({parties})"),
        {"signer": TEXT, "parties": (TEXT, "not_named")},
    ),
    Form("registration", N_("the registration {identifier}"), {"identifier": TEXT}, whole=False),
    Form("none_of_anchors", N_("none of the office's {count} trust anchors"), {"count": COUNT}, whole=False),
    Form("no_anchor", N_("no trust anchor (none is configured)"), {}, whole=False),
    Form("not_named", N_("not named"), {}, whole=False),
    # The signature's check (interchange/signatures.py).
    Form("all_signatures", N_("all {count} signatures: {check}"), {"count": COUNT, "check": _MATCHED[1:]}),
    Form(
        "certificate_matches_unevaluated",
        N_(
            "{algorithm} signature matches the embedded certificate of {holder} ({authority}); its signed "
            "attributes {attributes} were not evaluated"
        ),
        {"algorithm": TEXT, "holder": _HOLDER, "authority": _AUTHORITY, "attributes": TEXT},
    ),
    Form(
        "certificate_matches",
        N_("{algorithm} signature matches the embedded certificate of {holder} ({authority})"),
        {"algorithm": TEXT, "holder": _HOLDER, "authority": _AUTHORITY},
    ),
    Form(
        "chain_up_to",
        N_("{authority}, through an embedded chain of {count} certificates up to {top}"),
        {"authority": _AUTHORITY[1:], "count": COUNT, "top": _HOLDER},
        whole=False,
    ),
    Form("self_signed", N_("self-signed"), {}, whole=False),
    Form("issued_by", N_("issued by {issuer}"), {"issuer": _HOLDER}, whole=False),
    Form(
        "did_key_matches",
        N_(
            "{algorithm} signature matches the key of {identifier}, the issuer's identifier; a did:key is the key "
            "itself, so who holds it is not established"
        ),
        {"algorithm": TEXT, "identifier": TEXT},
    ),
    Form("no_signature", N_("the file carries no signature or proof"), {}),
    Form(
        "proof_not_checked",
        N_(
            "{proof} not checked: it needs the issuer's published key and JSON-LD canonicalisation, which this "
            "offline import does not do"
        ),
        {"proof": ("proof_with_key", "proof_with_suite", "unnamed_proof", TEXT)},
    ),
    Form(
        "proof_with_key",
        N_("{proof} with key {key}"),
        {"proof": ("proof_with_suite", "unnamed_proof", TEXT), "key": TEXT},
        whole=False,
    ),
    Form("proof_with_suite", N_("{proof} ({suite})"), {"proof": ("unnamed_proof", TEXT), "suite": TEXT}, whole=False),
    Form("unnamed_proof", N_("proof"), {}, whole=False),
    Form("header_unreadable", N_("the signature's protected header is not base64url JSON"), {}),
    Form("detached", N_("the signature covers detached data (sigD), not checked"), {}),
    Form("value_not_base64url", N_("the signature value is not base64url"), {}),
    Form(
        "certificate_not_embedded",
        N_("{algorithm} signature by {key}: the certificate is not embedded and was not fetched"),
        {"algorithm": ("no_algorithm", TEXT), "key": ("unnamed_key", TEXT)},
    ),
    Form("no_algorithm", N_("unsigned"), {}, whole=False),
    Form("unnamed_key", N_("an unnamed key"), {}, whole=False),
    Form("certificate_unreadable", N_("an embedded certificate (x5c) cannot be read"), {}),
    Form(
        "signed_outside_validity",
        N_("signed at {signed_at} UTC, outside the validity of {holder}'s certificate ({valid_from} to {valid_until})"),
        {"signed_at": MOMENT, "holder": _HOLDER, "valid_from": DAY, "valid_until": DAY},
    ),
    Form(
        "did_key_unreadable",
        N_("{identifier} is not a did:key this check can read"),
        {"identifier": ("long_identifier", TEXT)},
    ),
    Form(
        "long_identifier",
        N_("{start}… ({length} characters)"),
        {"start": TEXT, "length": COUNT},
        whole=False,
    ),
    Form(
        "self_signed_invalid",
        N_("the self-signed certificate of {holder} does not carry its own valid signature"),
        {"holder": _HOLDER},
    ),
    Form(
        "chain_broken",
        N_("the embedded certificate chain is broken: {holder}'s certificate was not issued by {issuer}"),
        {"holder": _HOLDER, "issuer": _HOLDER},
    ),
    Form(
        "algorithm_not_supported",
        N_("signature algorithm '{algorithm}' with a {key_type} key is not supported"),
        {"algorithm": TEXT, "key_type": TEXT},
    ),
    Form(
        "signature_mismatch",
        N_(
            "the {algorithm} signature does not match {holder}: the credential was changed after signing, or "
            "signed with another key"
        ),
        {"algorithm": TEXT, "holder": ("certificate_of", "key_of")},
    ),
    Form("certificate_of", N_("the embedded certificate of {holder}"), {"holder": _HOLDER}, whole=False),
    Form("key_of", N_("the key of {identifier}"), {"identifier": TEXT}, whole=False),
    Form("signature_malformed", N_("the {algorithm} signature is malformed"), {"algorithm": TEXT}),
    Form("unnamed_holder", N_("an unnamed holder"), {}, whole=False),
)

_BY_CODE: Mapping[str, Form] = {form.code: form for form in FORMS}
_BY_TEMPLATE: Mapping[str, Form] = {form.template: form for form in FORMS}
_WHOLE = tuple(form.code for form in FORMS if form.whole)


def reason(code: str, **fields: Value) -> Phrase:
    """The sentence ``code`` with its fields: its English is what the case file keeps as ``reason``."""
    form = _BY_CODE[code]
    if set(fields) != set(form.fields):
        raise ValueError(f"reason {code} takes the fields {sorted(form.fields)}, not {sorted(fields)}")
    return Phrase(form.template, fields)


def own_words(text: str) -> Phrase:
    """A reason no form recognises, shown as the case file words it: as it is in English, quoted in another
    language (the reader sees it is the file's text, not the program's)."""
    return pphrase("the case file's own words", "{words}", words=text)


# --- Into the case file ---


def encoded(text: str) -> tuple[str, dict[str, Any]] | None:
    """The code and fields a case file keeps for a reason, or None for a text no form made."""
    found = _encoded(text)
    return (found["code"], found["fields"]) if found is not None else None


def _encoded(text: str) -> dict[str, Any] | None:
    form = _BY_TEMPLATE.get(text.template) if isinstance(text, Phrase) else None
    if form is None or not isinstance(text, Phrase):
        return None
    fields: dict[str, Any] = {}
    for name, value in text.values.items():
        if isinstance(value, Phrase) and (nested := _encoded(value)) is not None:
            fields[name] = nested
        elif isinstance(value, date):  # a datetime too
            fields[name] = value.isoformat()
        elif isinstance(value, int) and not isinstance(value, bool):
            fields[name] = value
        else:
            fields[name] = str(value)
    return {"code": form.code, "fields": fields}


# --- Out of the case file ---


def reason_of(authenticity: Mapping[str, Any]) -> str:
    """The reason of a provenance's ``authenticity`` object, to show: from its code and fields where they are
    readable, else the English sentence recognised, else the stored text as the case's own words."""
    stored = authenticity.get("reason")
    text = stored.strip() if isinstance(stored, str) else ""
    code, fields = authenticity.get("reason_code"), authenticity.get("reason_fields")
    if isinstance(code, str) and code in _WHOLE:
        decoded = _decoded(code, fields if isinstance(fields, Mapping) else {})
        if decoded is not None:
            return decoded
    if not text:
        return ""
    return parsed(text) or own_words(text)


def _decoded(code: str, fields: Mapping[str, Any]) -> Phrase | None:
    form = _BY_CODE[code]
    if set(fields) != set(form.fields):
        return None
    values: dict[str, Value] = {}
    for name, kind in form.fields.items():
        value = _value(fields[name], kind)
        if value is None:
            return None
        values[name] = value
    return Phrase(form.template, values)


def _value(value: Any, kind: Kind) -> Value:
    if isinstance(kind, tuple):
        if isinstance(value, Mapping):
            code, fields = value.get("code"), value.get("fields", {})
            if code in kind and isinstance(fields, Mapping):
                return _decoded(str(code), fields)
            return None
        return value if TEXT in kind and isinstance(value, str) else None
    if kind == TEXT:
        return value if isinstance(value, str) else None
    if kind == COUNT:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value) if kind == MOMENT else date.fromisoformat(value)
    except ValueError:
        return None


@lru_cache(maxsize=64)
def parsed(text: str) -> Phrase | None:
    """The sentence ``text`` read back into its form and fields, when the import wrote it; None otherwise (read
    once for the several rules and front ends that show one case)."""
    if len(text) > MAX_PARSED:
        return None
    return _parsed(text, _WHOLE)


def _parsed(text: str, codes: tuple[str, ...]) -> Phrase | None:
    for code in codes:
        if code == TEXT:
            continue
        found = _pattern(code, True).fullmatch(text)
        if found is None:
            continue
        form = _BY_CODE[code]
        values: dict[str, Value] = {}
        for index, (name, kind) in enumerate(form.fields.items()):
            values[name] = _field(found.group(f"f{index}"), kind)
        return Phrase(form.template, values)
    return None


def _field(text: str, kind: Kind) -> Value:
    if isinstance(kind, tuple):
        return _parsed(text, kind) or text
    if kind == COUNT:
        return int(text.replace(",", ""))
    if kind == MOMENT:
        return datetime.fromisoformat(text)
    if kind == DAY:
        return date.fromisoformat(text)
    return text


_KIND_PATTERNS = {TEXT: r".+?", COUNT: r"\d[\d,]*", DAY: r"\d{4}-\d{2}-\d{2}", MOMENT: r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"}


@cache
def _pattern(code: str, capture: bool) -> re.Pattern[str]:
    """The English sentence of ``code`` as a pattern: its own fields captured (``f0``, ``f1``… in order) when
    ``capture``, a nested sentence's kept inside non-capturing groups."""
    form = _BY_CODE[code]
    names = list(form.fields)
    pieces = re.split(r"(\{[a-z_][a-z0-9_]*\})", form.template)
    pattern = []
    for piece in pieces:
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name is None or name not in form.fields:
            pattern.append(re.escape(piece))
            continue
        kind = form.fields[name]
        if isinstance(kind, tuple):
            inner = "|".join(
                _KIND_PATTERNS[TEXT] if choice == TEXT else f"(?:{_pattern(choice, False).pattern})" for choice in kind
            )
        else:
            inner = _KIND_PATTERNS[kind]
        pattern.append(f"(?P<f{names.index(name)}>{inner})" if capture else f"(?:{inner})")
    assert sorted(fields_of(form.template)) == sorted(names), code
    return re.compile("".join(pattern))
