"""Rules, their metadata, and the context they read.

A rule is a small pure function with an id, a rule set, an element, a citation and a one-line explanation. It
takes the :class:`RuleContext` and returns findings; it never raises on missing data, it says ``unknown``.
Derived facts that several rules need (the EQF level, the QA grade, the outcome matches) are computed once per
assessment on the context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from recogniser.agencies import AgencyRegister
from recogniser.frameworks import FrameworkRegistry
from recogniser.model import Alternative, Case, Element, Finding, InformationItem, Outcome, RuleSet, Status
from recogniser.rules import facts
from recogniser.rules.rulebook import Rulebook


@dataclass(frozen=True)
class RuleInfo:
    id: str
    rule_set: RuleSet
    element: Element
    citation: str
    explanation: str


CheckFunction = Callable[["RuleContext", RuleInfo], Iterable[Finding] | Finding | None]


@dataclass(frozen=True)
class Rule:
    info: RuleInfo
    check: CheckFunction

    def run(self, context: RuleContext) -> list[Finding]:
        result = self.check(context, self.info)
        if result is None:
            return []
        if isinstance(result, Finding):
            return [result]
        return list(result)


class RuleRegistry:
    """Rules in the order they were declared, which is the order their findings are reported in."""

    def __init__(self) -> None:
        self._rules: list[Rule] = []

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def rule(
        self, id: str, rule_set: RuleSet, element: Element, citation: str, explanation: str
    ) -> Callable[[CheckFunction], CheckFunction]:
        if any(existing.info.id == id for existing in self._rules):
            raise ValueError(f"rule id {id} declared twice")
        info = RuleInfo(id=id, rule_set=rule_set, element=element, citation=citation, explanation=explanation)

        def register(check: CheckFunction) -> CheckFunction:
            self._rules.append(Rule(info, check))
            return check

        return register


#: Rules judged on the case and its facts.
CASE_RULES = RuleRegistry()


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
        citation=citation or info.citation,
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
