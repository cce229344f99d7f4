"""Workload: where credits are sought, the credential's workload is judged against them."""

from __future__ import annotations

from dataclasses import replace

from recogniser.i18n import Value, phrase
from recogniser.model import (
    Element,
    Finding,
    Purpose,
    RuleSet,
    Status,
    Supplier,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule_by_purpose
from recogniser.rules.facts import CreditSupport
from recogniser.rules.lisbon.applicability import (
    CREDIT_BASIS,
    RPL_BASIS,
    for_purpose,
)
from recogniser.rules.lisbon.common import (
    ALTERNATIVE_OR_REFUSAL,
    ALTERNATIVE_PARTIAL_OR_WORSE,
    PARTIAL_OR_WORSE,
    ask_for,
    credits_sought,
    no_difference,
    rpl_route,
)
from recogniser.rules.wording import tenths
from recogniser.vocabulary import words


def _reported(context: RuleContext, info: RuleInfo, why: str) -> Finding:
    """No credits are sought: the workload is reported, ``why`` saying why it is not weighed."""
    return finding(
        info,
        Status.NOT_APPLICABLE,
        phrase(
            "The workload is reported, not weighed, as {why}: {workload}.",
            why=why,
            workload=context.workload.describe(),
        ),
        code="not_weighed",
    )


def _for_recognition(context: RuleContext, info: RuleInfo) -> Finding:
    """Admission and employment recognise the credential, not credits: the workload is reported."""
    info = for_purpose(context, info, cited.EAR_CREDITS)
    why = phrase("{purpose} recognises the credential, not credits", purpose=words(context.case.purpose))
    return _reported(context, info, why)


def _for_credits(context: RuleContext, info: RuleInfo) -> Finding:
    """Credit transfer and RPL: the workload against the credits the target gives, where it states them."""
    info = for_purpose(context, info, cited.EAR_CREDITS)
    workload = context.workload
    sought = credits_sought(context)
    if sought is None:
        return _reported(context, info, phrase("the target states no credits"))
    if workload.ects is None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "The workload is not stated, so it cannot be weighed against the {sought} ECTS sought.", sought=sought
            ),
            field="credential.workload.ects",
            code="not_stated",
        )
    if workload.ects == 0:
        return finding(
            info,
            Status.FAIL,
            phrase("The credential carries no credits or hours: there is no credit-bearing workload to count."),
            field="credential.workload.ects",
            code="none",
            allows=ALTERNATIVE_OR_REFUSAL,
            alternative=rpl_route(context),
        )
    return _against_credits(context, info, sought)


def _against_credits(context: RuleContext, info: RuleInfo, sought: float) -> Finding:
    """The credits the workload gives against those sought, from the hours where the credits rest on them."""
    workload = context.workload
    assert workload.ects is not None
    rulebook = context.rulebook
    band = phrase(
        "{low}-{high} hours per credit", low=float(rulebook.hours_per_ects_min), high=float(rulebook.hours_per_ects_max)
    )
    support = workload.support_for(sought)
    doubt = ""
    if workload.hours_supported is not None and workload.hours is not None:
        # The credits rest on the hours (ECTS Users' Guide 2015): say what the hours support.
        info = replace(info, citation=cited.cite(info.citation, cited.ECTS_KEY_FEATURES))
        hours = float(workload.hours)
        supported = phrase(
            "{hours} hours support {credits} at {band}", hours=hours, credits=workload.hours_range(), band=band
        )
        said = supported  # the same words opening a sentence
        if workload.stated_ects is not None:
            stated = float(workload.stated_ects)
            fields: dict[str, Value] = {
                "stated": stated,
                "hours": hours,
                "ratio": tenths(hours / stated),
                "supported": supported,
            }
            said = phrase(
                "The {stated} ECTS stated are not credible beside {hours} hours ({ratio} hours per credit); the "
                "{supported}",
                **fields,
            )
            supported = phrase(
                "the {stated} ECTS stated are not credible beside {hours} hours ({ratio} hours per credit); the "
                "{supported}",
                **fields,
            )
        if support is CreditSupport.SUPPORTED:
            return no_difference(
                context,
                info,
                Element.WORKLOAD,
                phrase("{supported}, which covers the {sought} ECTS sought.", supported=said, sought=sought),
            )
        if support is CreditSupport.UNCERTAIN:
            # Only a figure beyond the guide's band would support the credits: the awarding body, not a cut,
            # settles it (LRC Art. III.3, the burden of showing a difference is on the assessing body).
            return finding(
                info,
                Status.UNKNOWN,
                phrase(
                    "Whether the workload supports the {sought} ECTS sought is uncertain: {supported}, and only at "
                    "{ratio} hours per credit would they support {sought} ECTS. The awarding body is asked to "
                    "confirm the credits rather than the credits being cut.",
                    sought=sought,
                    supported=supported,
                    ratio=tenths(hours / sought),
                ),
                field="credential.workload.ects",
                code="uncertain",
                information=[
                    ask_for(
                        context,
                        7,
                        phrase(
                            "credits (ECTS) the awarding body gives for the {hours} hours of workload stated",
                            hours=hours,
                        ),
                        Supplier.AWARDING_BODY,
                    )
                ],
                if_unfavourable=PARTIAL_OR_WORSE,
            )
        doubt = phrase(
            " {supported}, so the conservative {counted} ECTS are counted.", supported=said, counted=workload.ects
        )
    elif support is CreditSupport.SUPPORTED:
        return no_difference(
            context,
            info,
            Element.WORKLOAD,
            phrase("{workload} covers the {sought} ECTS sought.", workload=workload.describe(), sought=sought),
        )
    remaining = sought - workload.ects
    return finding(
        info,
        Status.FAIL,
        phrase(
            "{workload} is less than the {sought} ECTS sought, by {remaining} ECTS.{doubt}",
            workload=workload.describe(),
            sought=sought,
            remaining=remaining,
            doubt=doubt,
        ),
        field="credential.workload.ects",
        code="short",
        # Alternative recognition (credit in another form) is not held back by a shortfall against this
        # component; it opens only where another finding names such a form.
        allows=ALTERNATIVE_PARTIAL_OR_WORSE,
        condition=phrase("a top-up assessment for the remaining {remaining} ECTS", remaining=remaining),
    )


workload_difference = rule_by_purpose(
    id="lisbon.workload_difference",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=cited.cite(CREDIT_BASIS, RPL_BASIS, cited.ECTS_KEY_FEATURES, cited.EAR_CREDITS),
    explanation="Where credits are sought, the credential's workload is judged against them.",
    checks={
        Purpose.ADMISSION: _for_recognition,
        Purpose.CREDIT_TRANSFER: _for_credits,
        Purpose.EMPLOYMENT: _for_recognition,
        Purpose.RPL: _for_credits,
    },
)
