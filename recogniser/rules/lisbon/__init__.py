"""Substantial differences for the purpose: each element judged on the purpose's own terms.

The QF, ESG and outcome rules establish the facts; these rules judge, element by element (the EAR manual's
level, workload, quality, profile, learning outcomes, plus assessment and identity), whether a difference is
*substantial* for the purpose — one so significant that it would most likely prevent the applicant from
succeeding in the intended activity (Revised Recommendation 2010) — and which outcomes remain open: ``allows``
lists them, ``alternative`` names the form of alternative recognition a finding proposes (typed), and a
rule's ``rules_out`` which forms its findings make impossible (all of them in ``rules/catalogue.py``). The
recommendation step reads only these typed fields and the findings' codes, never their sentences.

What each purpose weighs (docs/method/how-a-case-is-judged.md):

- **admission**: the credential's level against the programme's entry level; the programme's specific
  requirement (its learning outcomes, LRC Art. IV.4) where the case states it; the provider's quality. The
  general entry qualification is a separate check the evaluator makes; a non-formal credential is assessed as
  the institution assesses similar domestic ones (Art. IV.8).
- **credit transfer**: the outcomes against the component, the credits, assessment and identity, the level, the
  quality (LRC Section V; ECTS Users' Guide, section 4).
- **employment**: a statement of what the learning is: its level, clear outcomes, the provider's status.
- **recognition of prior learning**: the credential is documentation in the institution's own validation
  procedure (Council Recommendation 2012/C 398/01): level against the target, assessment and identity, quality
  evidence and outcome coverage all weigh; attendance alone earns no credits; credits come on condition of the
  institution's assessment unless the evidence is strong.

The package, by element: ``applicability`` (whether the Convention applies and each purpose's legal basis),
``common`` (what the rules share), ``information`` (Art. III.3), ``level``, ``access`` (the entry qualification
and non-traditional access for admission), ``workload``, ``quality``, ``assessment`` (and identity), ``coverage``
(learning outcomes and profile), ``rpl`` (recognition of prior learning) and ``refugees`` (Art. VII).
"""

from __future__ import annotations

from recogniser.rules.lisbon.applicability import (
    EMPLOYMENT_HE_BASIS,
    EMPLOYMENT_OTHER_BASIS,
    FURTHER_STUDY_BASIS,
    domestic,
    lrc_applies,
    purpose_basis,
)
from recogniser.rules.lisbon.common import RPL_ROUTE, refugee_without_documents
from recogniser.rules.lisbon.coverage import coverage_difference
from recogniser.rules.lisbon.rpl import rpl_credit_limit

__all__ = [
    "EMPLOYMENT_HE_BASIS",
    "EMPLOYMENT_OTHER_BASIS",
    "FURTHER_STUDY_BASIS",
    "RPL_ROUTE",
    "coverage_difference",
    "domestic",
    "lrc_applies",
    "purpose_basis",
    "refugee_without_documents",
    "rpl_credit_limit",
]
