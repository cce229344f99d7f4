"""Rules, their metadata, and the context they read.

A rule is a small pure function with an id, a rule set, an element, a citation and a one-line explanation. It
takes the :class:`RuleContext` and returns findings; it never raises on missing data, it says ``unknown``.
Derived facts that several rules need (the EQF level, the QA grade, the outcome matches) are computed once per
assessment on the context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from recogniser.agencies import AgencyRegister
from recogniser.frameworks import FrameworkRegistry
from recogniser.i18n import Phrase
from recogniser.model import (
    Alternative,
    AlternativeKind,
    Case,
    Element,
    Finding,
    InformationItem,
    Outcome,
    Purpose,
    RuleSet,
    Status,
)
from recogniser.rules import facts
from recogniser.rules.citations import cite
from recogniser.rules.rulebook import Rulebook


@dataclass(frozen=True)
class RuleInfo:
    id: str
    rule_set: RuleSet
    element: Element
    citation: str
    explanation: str

    def __post_init__(self) -> None:
        # A citation is shown in the reader's language: kept as the phrase of its places.
        if not isinstance(self.citation, Phrase):
            object.__setattr__(self, "citation", cite(self.citation))


CheckFunction = Callable[["RuleContext", RuleInfo], Iterable[Finding] | Finding | None]


#: A rule that judges a case of every purpose, each on its own terms.
EVERY_PURPOSE: frozenset[Purpose] = frozenset(Purpose)


@dataclass(frozen=True)
class Rule:
    """A rule: what it is (``info``), and the check it makes for each purpose it judges. A rule that judges
    every purpose alike has one check for all; one whose judgement differs by purpose has a check per purpose.
    For a case of a purpose it does not judge it finds nothing."""

    info: RuleInfo
    checks: Mapping[Purpose, CheckFunction] = field(hash=False)
    #: The forms of alternative recognition a finding of the rule makes impossible, whatever other finding
    #: proposes them, by the finding's code under the rule (``below_entry`` for ``lisbon.level_difference``).
    rules_out: Mapping[str, frozenset[AlternativeKind]] = field(default_factory=dict, hash=False)

    @property
    def purposes(self) -> frozenset[Purpose]:
        return frozenset(self.checks)

    def run(self, context: RuleContext) -> list[Finding]:
        check = self.checks.get(context.case.purpose)
        if check is None:
            return []
        result = check(context, self.info)
        if result is None:
            return []
        if isinstance(result, Finding):
            return [result]
        return list(result)


def _forms(rules_out: Mapping[str, Iterable[AlternativeKind]] | None) -> dict[str, frozenset[AlternativeKind]]:
    return {code: frozenset(kinds) for code, kinds in (rules_out or {}).items()}


def rule(
    id: str,
    rule_set: RuleSet,
    element: Element,
    citation: str,
    explanation: str,
    *,
    purposes: Iterable[Purpose] = EVERY_PURPOSE,
    rules_out: Mapping[str, Iterable[AlternativeKind]] | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Declare a check as a rule for ``purposes``, with the alternative forms its findings rule out. Declaring
    runs nothing: a rule is judged once it is in the ordered list of ``rules/catalogue.py``."""
    info = RuleInfo(id=id, rule_set=rule_set, element=element, citation=citation, explanation=explanation)

    def declare(check: CheckFunction) -> Rule:
        return Rule(info, dict.fromkeys(purposes, check), _forms(rules_out))

    return declare


def rule_by_purpose(
    id: str,
    rule_set: RuleSet,
    element: Element,
    citation: str,
    explanation: str,
    *,
    checks: Mapping[Purpose, CheckFunction],
    rules_out: Mapping[str, Iterable[AlternativeKind]] | None = None,
) -> Rule:
    """Declare a rule whose check differs by purpose: ``checks`` gives the check for each purpose it judges."""
    info = RuleInfo(id=id, rule_set=rule_set, element=element, citation=citation, explanation=explanation)
    return Rule(info, dict(checks), _forms(rules_out))


def finding(
    info: RuleInfo,
    status: Status,
    message: str,
    *,
    field: str | None = None,
    element: Element | None = None,
    citation: str | None = None,
    code: str | None = None,
    allows: Iterable[Outcome] | None = None,
    condition: str | None = None,
    alternative: Alternative | None = None,
    information: Iterable[InformationItem] = (),
    if_unfavourable: Iterable[Outcome] | None = None,
    credential: int | None = None,
) -> Finding:
    """A finding of ``info``'s rule; ``element`` and ``citation`` override the rule's own when one rule judges
    several elements or cites a purpose-specific article. ``code`` names what was found, under the rule's id
    (``level.below_target`` → ``lisbon.level_difference.below_target``); without one it is the status. In a stack,
    ``credential`` is the index of the credential the finding is about."""
    return Finding(
        rule_id=info.id,
        rule_set=info.rule_set,
        element=element or info.element,
        status=status,
        citation=info.citation if not citation else citation if isinstance(citation, Phrase) else cite(citation),
        message=message,
        field=field,
        code=f"{info.id}.{code or status.value}",
        allows=None if allows is None else frozenset(allows),
        condition=condition,
        alternative=alternative,
        information=tuple(information),
        if_unfavourable=None if if_unfavourable is None else frozenset(if_unfavourable),
        credential=credential,
    )


@dataclass
class RuleContext:
    """What the rules read: the case, the rulebook, the reference data and the date validity is judged on."""

    case: Case
    rulebook: Rulebook
    frameworks: FrameworkRegistry
    agencies: AgencyRegister
    as_of: date | None
    #: The date given for the assessment (``--as-of``), None when dates are judged on the issue date.
    requested_as_of: date | None = None

    @cached_property
    def level(self) -> facts.LevelFacts:
        return facts.derive_level(self.case, self.frameworks)

    @cached_property
    def workload(self) -> facts.WorkloadFacts:
        return facts.derive_workload(self.case, self.rulebook)

    @cached_property
    def quality(self) -> facts.QualityFacts:
        return facts.derive_quality(self.case, self.agencies, self.as_of)

    @cached_property
    def outcomes(self) -> facts.OutcomeFacts:
        return facts.derive_outcomes(self.case, self.rulebook)
