"""The articles of the Lisbon Recognition Convention cited by the rules and the seminar notes exist and say what
they are cited for."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from recogniser.model import Purpose
from recogniser.rules import assess
from recogniser.rules.base import CASE_RULES
from recogniser.rules.lisbon import FURTHER_STUDY_BASIS, PURPOSE_BASIS
from recogniser.rules.recommendation import REASONS_AND_APPEAL
from recogniser.seminar import exercise_sources

ROOT = Path(__file__).resolve().parents[2]

#: Numbered LRC articles the project may cite, with what each provides (the Convention, ETS No. 165).
LRC_ARTICLES = {
    "III.1": "adequate access to an assessment; no discrimination; assessment on knowledge and skills",
    "III.3": "adequate information from the applicant; the burden of showing a difference on the body",
    "III.5": "a decision within a reasonable time; reasons for a refusal; appeal",
    "IV.1": "access qualifications recognised unless a substantial difference in general requirements",
    "IV.4": "specific requirements of particular programmes beyond the general access requirements",
    "V.1": "periods of study recognised towards a programme unless a substantial difference",
    "VI.1": "higher education qualifications recognised unless a substantial difference",
    "VI.3": "what recognition gives: (a) further study, (b) an academic title; access to the labour market",
    "VI.3(a)": "access to further higher education studies on the same conditions",
}
_ARTICLE = re.compile(r"\b(?:VII|VI|V|IV|III)\.\d+(?:\([a-z]\))?")


def _cited(text: str) -> set[str]:
    return set(_ARTICLE.findall(text))


def test_rules_cite_only_known_articles() -> None:
    citations = [rule.info.citation for rule in CASE_RULES]
    citations += [*PURPOSE_BASIS.values(), FURTHER_STUDY_BASIS, REASONS_AND_APPEAL.citation]
    for source in exercise_sources(with_notes=False):
        decision = assess(source.case)
        citations += [f.citation for f in decision.findings]
        citations += [d.citation for d in decision.recommendation.substantial_differences]
        citations.append(decision.recommendation.appeal)
    cited = _cited(" ".join(citations))
    assert cited <= set(LRC_ARTICLES), cited - set(LRC_ARTICLES)
    assert {"III.3", "III.5", "IV.1", "V.1", "VI.1", "VI.3"} <= cited


def test_notes_and_readme_cite_only_known_articles() -> None:
    texts = {source.id: source.notes or "" for source in exercise_sources()}
    texts["README.md"] = (ROOT / "README.md").read_text("utf-8")
    for name, text in texts.items():
        unknown = _cited(text) - set(LRC_ARTICLES)
        assert not unknown, f"{name} cites {sorted(unknown)}"


def test_employment_rests_on_the_labour_market_sentence_not_the_academic_title() -> None:
    # Art. VI.3(b) is the use of an academic title; access to the labour market is the article's closing sentence.
    basis = PURPOSE_BASIS[Purpose.EMPLOYMENT]
    assert "VI.3(b)" not in basis
    assert "VI.3 (recognition may facilitate access to the labour market)" in basis


def _admission(eqf_level: int) -> list[str]:
    source = next(s for s in exercise_sources(with_notes=False) if s.id == "02-comprehensive-university-admission")
    target = source.case.target
    assert target is not None
    case = replace(source.case, target=replace(target, eqf_level=eqf_level))
    # The findings that rest on the purpose's basis, not on the procedural articles (III.3, III.5, VII).
    return [f.citation for f in assess(case).findings if _cited(f.citation) & {"IV.1", "VI.1", "VI.3(a)"}]


def test_admission_to_a_second_cycle_programme_rests_on_section_vi_not_section_iv() -> None:
    # Section IV is access to higher education; a master's admits on a higher education qualification, whose
    # use for access to further study is Art. VI.3(a).
    for eqf_level in (7, 8):
        citations = _admission(eqf_level)
        assert citations and all("VI.3(a)" in c and "IV.1" not in c for c in citations)
    first_cycle = _admission(6)
    assert first_cycle and all("IV.1" in c and "VI.3(a)" not in c for c in first_cycle)
