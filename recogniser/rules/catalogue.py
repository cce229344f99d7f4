"""Every rule judged on a case, in the order its findings are reported: the one list the pipeline runs.

A rule module declares its rules (``rules/base.py``): :func:`~recogniser.rules.base.rule` for a check and the
purposes it applies to, :func:`~recogniser.rules.base.rule_by_purpose` where each purpose has a check of its own.
Declaring runs nothing. Only the rules listed here are judged, in this order, whatever order their modules are
imported in.

The order follows how an evaluator reads a file: first whether the document is what it says it is
(authenticity), then what it states (completeness against Annex I), then the facts the judgement rests on: the
provider's quality assurance (ESG) and the credential's level, workload and verbs (QF-EHEA/EQF); then the
judgement for the purpose, element by element (the Lisbon Recognition Convention); last the comparison of learning
outcomes the judgement of coverage drew on.
"""

from __future__ import annotations

from collections.abc import Mapping

from recogniser.model import AlternativeKind
from recogniser.rules.authenticity import signature, status_list, validity
from recogniser.rules.base import Rule
from recogniser.rules.completeness import ANNEX_I_RULES, assessed_learning, unknown_keys
from recogniser.rules.esg import eqar_registration, external_qa, internal_qa, provider_route, qa_grade
from recogniser.rules.lisbon.access import entry_qualification, non_traditional_access
from recogniser.rules.lisbon.assessment import assessment_difference
from recogniser.rules.lisbon.coverage import outcomes_difference, profile_difference
from recogniser.rules.lisbon.information import information
from recogniser.rules.lisbon.level import level_difference, level_evidence_difference
from recogniser.rules.lisbon.quality import quality_difference
from recogniser.rules.lisbon.refugees import refugee
from recogniser.rules.lisbon.rpl import rpl_cap, rpl_evidence
from recogniser.rules.lisbon.workload import workload_difference
from recogniser.rules.outcomes import coverage, formulation
from recogniser.rules.qf import (
    eqf_consistency,
    framework_level,
    hours_per_ects,
    level_against_target,
    outcome_verbs,
    size,
)

#: The rules judged on one credential's case, in report order.
CASE_RULES: tuple[Rule, ...] = (
    # Authenticity (Annex II; EAR manual): the document before what it says.
    signature,
    validity,
    status_list,
    # Completeness: Annex I's elements, in Annex I's order, then what the file holds beyond them.
    *ANNEX_I_RULES,
    assessed_learning,
    unknown_keys,
    # Quality assurance (ESG 2015; EQAR).
    internal_qa,
    external_qa,
    eqar_registration,
    qa_grade,
    provider_route,
    # Level and workload (QF-EHEA, EQF, the ECTS Users' Guide).
    framework_level,
    eqf_consistency,
    level_against_target,
    hours_per_ects,
    size,
    outcome_verbs,
    # The judgement for the purpose (LRC): information first, then element by element, refugees last.
    information,
    level_difference,
    level_evidence_difference,
    entry_qualification,
    non_traditional_access,
    workload_difference,
    quality_difference,
    assessment_difference,
    outcomes_difference,
    profile_difference,
    rpl_evidence,
    rpl_cap,
    refugee,
    # The learning outcomes compared.
    coverage,
    formulation,
)


def _rules_out(rules: tuple[Rule, ...]) -> Mapping[str, frozenset[AlternativeKind]]:
    ids = [each.info.id for each in rules]
    twice = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if twice:
        raise ValueError(f"rule ids listed twice: {', '.join(twice)}")
    return {f"{each.info.id}.{code}": forms for each in rules for code, forms in each.rules_out.items()}


#: The alternative forms a finding makes impossible, whatever other finding proposes them, by the finding's code.
RULES_OUT = _rules_out(CASE_RULES)
