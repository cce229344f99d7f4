"""Every citation a finding makes is a place in the rulebook's list of cited texts, and the articles of the
Lisbon Recognition Convention are cited for what they hold."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from recogniser.model import AwardingBody, Decision, ProviderKind, Purpose
from recogniser.rules import assess
from recogniser.rules import citations as cited
from recogniser.rules.catalogue import CASE_RULES
from recogniser.rules.lisbon.applicability import EMPLOYMENT_HE_BASIS, EMPLOYMENT_OTHER_BASIS, FURTHER_STUDY_BASIS
from recogniser.rules.recommendation import REASONS_AND_APPEAL
from recogniser.seminar import exercise_sources
from tests.rules.expert_cases import expert_cases

ROOT = Path(__file__).resolve().parents[2]

_ARTICLE = re.compile(r"\b(?:VII|VI|V|IV|III)\.\d+(?:\([a-z]\))?")


def _decisions() -> list[Decision]:
    cases = [source.case for source in exercise_sources(with_notes=False)] + [case for _, case in expert_cases()]
    return [assess(case) for case in cases]


def _citations(decision: Decision) -> list[str]:
    findings = [f.citation for f in decision.findings]
    return findings + [d.citation for d in decision.recommendation.substantial_differences]


def test_every_rule_cites_listed_places() -> None:
    for rule in [*CASE_RULES, REASONS_AND_APPEAL]:
        citation = rule.info.citation if hasattr(rule, "info") else rule.citation  # type: ignore[union-attr]
        assert not cited.unlisted_places(citation), (getattr(rule, "id", None), cited.unlisted_places(citation))


@pytest.mark.parametrize("decision", _decisions(), ids=lambda d: d.reference or "case")
def test_every_finding_cites_listed_places(decision: Decision) -> None:
    for citation in _citations(decision):
        assert citation
        assert not cited.unlisted_places(citation), cited.unlisted_places(citation)


def test_the_list_names_each_place_once_with_what_it_holds() -> None:
    assert all(gloss.strip() for gloss in cited.PLACES.values())
    assert len(cited.PLACES) == sum(len(text.places) for text in cited.TEXTS)


def test_the_lrc_articles_cited_are_the_ones_listed() -> None:
    articles = {match for place in cited.PLACES if place.startswith("LRC") for match in _ARTICLE.findall(place)}
    assert {"III.3", "III.5", "IV.1", "IV.4", "IV.8", "V.1", "VI.1", "VI.3", "VII"} <= articles | {"VII"}


def test_documentation_and_notes_cite_only_listed_lrc_articles() -> None:
    listed = {match for place in cited.PLACES for match in _ARTICLE.findall(place)}
    texts = {source.id: source.notes or "" for source in exercise_sources()}
    texts |= {f"{source.id}.fr": source.notes or "" for source in exercise_sources(language="fr")}
    for document in [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        texts[str(document.relative_to(ROOT))] = document.read_text("utf-8")
    for name, text in texts.items():
        unknown = set(_ARTICLE.findall(text)) - listed
        assert not unknown, f"{name} cites {sorted(unknown)}"


def test_employment_rests_on_the_lrc_only_for_a_higher_education_credential() -> None:
    # Art. VI.3(b) is the use of an academic title; access to the labour market is the article's closing sentence.
    assert "VI.3(b)" not in EMPLOYMENT_HE_BASIS
    assert cited.LRC_VI_3 in EMPLOYMENT_HE_BASIS.split("; ")
    # The LRC covers higher education: a VET or corporate credential for employment is not placed under it.
    assert "LRC" not in EMPLOYMENT_OTHER_BASIS
    source = next(s for s in exercise_sources(with_notes=False) if s.case.purpose is Purpose.EMPLOYMENT)
    for kind in (ProviderKind.VET_PROVIDER, ProviderKind.EMPLOYER, ProviderKind.PRIVATE_PROVIDER):
        credential = replace(
            source.case.credential, awarding_body=AwardingBody(name="Academy", country="DE", kind=kind)
        )
        decision = assess(replace(source.case, credential=credential))
        purpose_findings = [
            f for f in decision.findings if f.rule_id.startswith("lisbon.") and "difference" in f.rule_id
        ]
        assert purpose_findings and all("LRC" not in f.citation for f in purpose_findings)


def _admission(eqf_level: int) -> list[str]:
    source = next(s for s in exercise_sources(with_notes=False) if s.id == "02-comprehensive-university-admission")
    target = source.case.target
    assert target is not None
    case = replace(source.case, target=replace(target, eqf_level=eqf_level))
    return [
        f.citation for f in assess(case).findings if set(_ARTICLE.findall(f.citation)) & {"IV.1", "VI.1", "VI.3(a)"}
    ]


def test_admission_to_a_second_cycle_programme_rests_on_section_vi_not_section_iv() -> None:
    # Section IV is access to higher education; a master's admits on a higher education qualification, whose
    # use for access to further study is Art. VI.3(a).
    assert cited.LRC_VI_3A in FURTHER_STUDY_BASIS
    for eqf_level in (7, 8):
        citations = _admission(eqf_level)
        assert citations and all("VI.3(a)" in c and "IV.1" not in c for c in citations)
    first_cycle = _admission(6)
    assert first_cycle and all("IV.1" in c and "VI.3(a)" not in c for c in first_cycle)


@pytest.mark.parametrize("decision", _decisions(), ids=lambda d: d.reference or "case")
def test_no_citation_names_a_place_twice(decision: Decision) -> None:
    for citation in _citations(decision):
        places = citation.split("; ")
        assert len(places) == len(set(places)), citation
