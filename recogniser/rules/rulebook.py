"""The rulebook: every threshold and policy choice the rules use, in one versioned object.

An office that adapts a threshold changes it here (or passes its own ``Rulebook``) and gives the result a new
``version``: decisions record the version, so the same case file and rulebook version always give the same
decision. Sources are named beside each value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from recogniser.i18n import N_
from recogniser.model import Purpose

#: Annex I elements by the key the completeness rules use (Council Recommendation 2022/C 243/02, Annex I).
ANNEX_I_MANDATORY = (
    "learner",
    "title",
    "issuer_country",
    "awarding_body",
    "issue_date",
    "learning_outcomes",
    "workload",
    "level",
    "assessment",
    "participation",
    "quality_assurance",
)
ANNEX_I_OPTIONAL = ("prerequisites", "identity_verification", "grade", "stackability", "further_information")


def _decisive() -> dict[Purpose, frozenset[str]]:
    # What the evaluator cannot decide without, per purpose (docs/method/how-a-case-is-judged.md; LRC Art. III.3).
    # The other mandatory elements are still reported as missing, but do not hold the decision up.
    common = {"learner", "title", "awarding_body", "learning_outcomes"}
    return {
        Purpose.ADMISSION: frozenset(common | {"level", "quality_assurance", "issuer_country"}),
        Purpose.CREDIT_TRANSFER: frozenset(
            common | {"level", "workload", "assessment", "quality_assurance", "issuer_country"}
        ),
        # The provider's status weighs most for employment (docs/method/how-a-case-is-judged.md): its QA is asked for.
        Purpose.EMPLOYMENT: frozenset(common | {"quality_assurance"}),
        Purpose.RPL: frozenset({"learner", "title", "learning_outcomes"}),
    }


@dataclass(frozen=True)
class Rulebook:
    # 2026.2: the RPL route comes before refusal; no ECTS figure while information is required; 0 ECTS
    # beside real hours is estimated from the hours.
    # 2026.3: stated credits the hours do not support (outside the tolerant band) are counted from the hours;
    # a shortfall in credits leaves alternative recognition open, which a finding must name; a VET provider's
    # QA is not judged by the ESG but left to the evaluator for employment; employment cites LRC Art. VI.3.
    # 2026.4: hours support the credits sought when the 25-30 hours-per-credit range covers them (asked about
    # when only the tolerated band does); a quality assurance element that is missing, a decision that ran out
    # or is not stated, and an institution's self-declared status are asked for, never a difference; employment
    # needs the quality assurance element.
    # 2026.5: for credit an unstated identity check is asked for; a stated EQF level that contradicts the
    # framework is asked about where it decides, and a level that cannot be read across is asked for; admission
    # notes that a micro-credential does not establish the entry qualification, and cites Art. VI.3(a) for
    # second-cycle programmes; alternative recognition states its credits as credits in the other form.
    # 2026.6: the appeal route names the assessing country ("Croatia (HR)"), not only its code.
    # 2026.7: on extreme input (titles and outcomes over 2,000 content words) the profile is compared on the
    # first 2,000 words of each side, and the finding says so.
    # 2026.8: national framework levels are found by their EU concept URI and the vocabulary's label (earlier
    # labels still read); a mapping not checked against the referencing report is stated as such in the level
    # finding, which passes, instead of a warning on every such case.
    # 2026.9: every purpose weighed on its own terms. RPL weighs level against the target, assessment and
    # identity, quality evidence and outcome coverage; attendance alone earns no credits (the RPL procedure can
    # assess the learning); credits come on condition of the institution's RPL assessment unless the evidence is
    # strong; an RPL request without a target asks for it. Admission tests a target's outcomes as the programme's
    # specific requirement (LRC Art. IV.4) and weighs non-formal learning in the institution's own route for
    # non-traditional qualifications (Art. IV.8). Triage: information is asked for only where the answer could
    # change the outcome, and each item says who supplies it (applicant, awarding body, or the assessing body
    # itself); for a refugee without documents nothing is asked of the applicant. Element 13 (identity check),
    # optional in Annex I, never blocks a decision: the credit is conditional on it. Credits: full = the credits
    # sought; partial = the share the credential covers; conditional = the credits sought once the conditions are
    # met; alternative = none towards the target, credits in another form kept apart (ects_in_another_form);
    # one alternative, fitting the target (free-elective credit only one level below, never towards a
    # lower-level component of a master's). A claimed level the outcomes' verbs read more than one EQF level below
    # is verified before it counts; a credential outcome at a lower cognitive level than a target outcome (action
    # verbs in English, French, German, Spanish, Italian, Portuguese, Dutch and Croatian) does not cover it.
    # Citations checked against their texts and drawn from one list (rules/citations.py); the LRC is cited by
    # analogy for a credential assessed in its own country and not at all for a VET or corporate credential
    # presented for employment. An office may cap the share of a programme's credits RPL gives
    # (settings.toml [office] rpl_credit_cap; the version then names the cap, e.g. "2026.10+rpl-cap-15%").
    # An office may also set a maximum age for a credential in a stack (settings.toml [office]
    # stack_max_age_years; the version names it, e.g. "2026.10+stack-age-5y").
    # Reference data: the agency's EQAR registration is judged on
    # the day from the register's history (periods, former and suspended entries): a former, suspended or
    # not-yet-registered agency's decision is not strong evidence and its standing is asked; a registration the
    # data end before the day is one unknown naming the data's date. Quality evidence is graded from what counts
    # (docs/user/reference-data.md): an EQAR agency strong; a national accreditation of a higher education institution,
    # public authority, and national VET quality assurance for a VET provider, substantial; management-system
    # certificates (ISO 9001, ISO 21001, TÜV and other certification bodies, Qualiopi), vendor programmes and
    # memberships are named and graded as internal quality assurance at most; a body that cannot be identified,
    # or a national accreditation body named for a provider outside its remit, is asked about instead of graded
    # substantial.
    # The agency look-up matches a name that only resembles an agency (no exact name, alias or acronym) only among
    # the agencies of the issuer's country, and no longer lets the country turn a generic name into a match.
    # 2026.10: several credentials of one learner can be assessed together towards one target (a stack): each
    # is assessed on its own as before, and the stack on the target outcomes its counted credentials cover
    # together, the credits they give with overlap counted once, and the gaps left (stacking thresholds below).
    # A case of one credential is judged exactly as in 2026.9.
    # Bump on every change that can change a decision.
    version: str = "2026.10"

    # ECTS Users' Guide 2015: 60 ECTS = 1,500-1,800 hours, so 25-30 hours per credit. The tolerant band absorbs
    # rounding and national conventions before hours and credits are called inconsistent.
    hours_per_ects_min: float = 25.0
    hours_per_ects_max: float = 30.0
    hours_per_ects_tolerant_min: float = 20.0
    hours_per_ects_tolerant_max: float = 36.0

    # Size heuristics (docs/method/how-a-case-is-judged.md): under 60 ECTS, a year's workload; schemes seen in
    # practice start at about 1 ECTS.
    micro_credential_max_ects: float = 60.0
    micro_credential_min_ects: float = 1.0

    # Learning-outcome matching: a target outcome counts as covered when its best credential outcome scores at
    # least this (0-100, see rules/outcomes.py for the scorer).
    outcome_match_score: float = 62.0
    # Share of target outcomes covered -> what credit transfer can give (the project's policy: the EAR manual names
    # full, partial and conditional recognition but sets no shares).
    coverage_full: float = 0.75
    coverage_partial: float = 0.5
    coverage_conditional: float = 0.25

    # Profile: below this similarity (same scorer) of the credential's and target's title and outcomes, the
    # subjects are flagged as possibly different fields - a signal for the evaluator, never a reason to refuse.
    profile_similarity_warning: float = 40.0

    # Outcome verbs vs stated level: a gap of this many EQF levels or more is worth a warning on its own.
    verb_level_gap_warning: int = 1
    # Evidence vs claimed level: where the outcomes' verbs read more than this many EQF levels below the level
    # claimed, the level is verified before it counts (a condition at least, never a refusal alone).
    level_evidence_gap: int = 1
    # ... read from at least this many outcomes with a known action verb (fewer say too little to weigh).
    level_evidence_min_outcomes: int = 3

    # Admission: a programme at EQF n normally admits holders of learning at EQF n-1 ...
    admission_entry_level_offset: int = 1
    # ... except where the cycle says otherwise: a first-cycle programme (EQF 6, QF-EHEA) admits from the upper
    # secondary qualification giving access to higher education (EQF 4; LRC Art. IV.1).
    admission_entry_levels: dict[int, int] = field(default_factory=lambda: {6: 4})
    # From this EQF level (the second cycle, QF-EHEA) a programme admits holders of a higher education
    # qualification: its entry qualification is a degree, whose use for further study is LRC Art. VI.3(a).
    further_study_eqf: int = 7

    # Outcome verbs: the verbs say something of the level only where at least this share of the outcomes has an
    # action verb the tables know (fewer: the signal does not apply; rules/verbs.py).
    verb_signal_min_share: float = 0.5
    # An outcome of fewer words than this is a topic, not a statement of what the learner can do (Council
    # Recommendation 2022/C 243/02, Annex I; ECTS Users' Guide 2015 on writing learning outcomes).
    outcome_min_words: int = 3

    # Stacking (ECTS Users' Guide 2015 on credit accumulation; LRC Art. V.1 periods of study; Council
    # Recommendation 2022/C 243/02, Annex II, learning pathways). A target outcome is covered by the stack when a
    # counted credential covers it at ``outcome_match_score`` (the same threshold as for one credential); below
    # that, a cell scoring at least this is marked partly covered in the coverage matrix (shown, never counted).
    stack_partly_covered_score: float = 45.0
    # Overlap: where no target outcomes are given, a credential outcome scoring at least this against an outcome
    # of a credential counted before it is the same learning, and its share of the credits is counted once.
    stack_overlap_score: float = 62.0
    # The office's maximum age of a credential in a stack, in years before the assessment day. None by default:
    # no European text sets one (the LRC does not make a credential's age a substantial difference of itself, and
    # the ECTS Users' Guide 2015 leaves accumulation rules to the institution), so an office sets its own
    # (settings.toml [office] stack_max_age_years).
    stack_max_age_years: int | None = None
    # The largest share of the target's credits that stacking may give (1.0: all of them; an office may cap
    # credits from stacked micro-credentials below the target's total).
    stack_max_share: float = 1.0

    decisive_elements: dict[Purpose, frozenset[str]] = field(default_factory=_decisive)

    # The share of a programme's credits recognition of prior learning may give. No European text sets one: the
    # ECTS Users' Guide 2015 (section 5.2) leaves it to the institution's published criteria, so the default is
    # none and an office sets its own (settings.toml [office] rpl_credit_cap; Spain, for instance, caps credit
    # from professional experience and non-official studies at 15 %).
    rpl_credit_cap: float | None = None

    # Credits are recognised in steps of this many, never rounded up (the project's policy: half credits, so a
    # share of a credential's credits is not overstated by rounding).
    credit_step: float = 0.5

    def round_credits(self, credits: float) -> float:
        """``credits`` rounded down to the rulebook's step."""
        return math.floor(credits / self.credit_step) * self.credit_step

    def with_rpl_credit_cap(self, share: float | None) -> Rulebook:
        """This rulebook with an office's cap on RPL credit; the version says so, so a decision shows it."""
        if share is None or share == self.rpl_credit_cap:
            return self
        return replace(self, rpl_credit_cap=share, version=f"{self.version}+rpl-cap-{share * 100:g}%")

    def with_stack_max_age(self, years: int | None) -> Rulebook:
        """This rulebook with an office's maximum age of a credential in a stack; the version says so."""
        if years is None or years == self.stack_max_age_years:
            return self
        return replace(self, stack_max_age_years=years, version=f"{self.version}+stack-age-{years}y")

    appeal_route: str = N_(
        "the appeal procedure of the assessing body; where the assessment was made by the ENIC-NARIC centre of "
        "{country}, its review and appeal procedure"
    )


DEFAULT_RULEBOOK = Rulebook()
