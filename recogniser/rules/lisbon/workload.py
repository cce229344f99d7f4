"""Workload: where credits are sought, the credential's workload is judged against them."""

from __future__ import annotations

from dataclasses import replace

from recogniser.model import (
    Element,
    Finding,
    Purpose,
    RuleSet,
    Status,
    Supplier,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
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
from recogniser.vocabulary import PURPOSE_WORDS


@rule(
    id="lisbon.workload_difference",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=cited.cite(CREDIT_BASIS, RPL_BASIS, cited.ECTS_KEY_FEATURES, cited.EAR_CREDITS),
    explanation="Where credits are sought, the credential's workload is judged against them.",
)
def workload_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = for_purpose(context, info, cited.EAR_CREDITS)
    workload = context.workload
    sought = credits_sought(context)
    if sought is None:
        return _not_weighed(context, info)
    if workload.ects is None:
        return finding(
            info,
            Status.UNKNOWN,
            f"The workload is not stated, so it cannot be weighed against the {sought:g} ECTS sought.",
            field="credential.workload.ects",
            code="not_stated",
        )
    if workload.ects == 0:
        return finding(
            info,
            Status.FAIL,
            "The credential carries no credits or hours: there is no credit-bearing workload to count.",
            field="credential.workload.ects",
            code="none",
            allows=ALTERNATIVE_OR_REFUSAL,
            alternative=rpl_route(context),
        )
    return _against_credits(context, info, sought)


def _not_weighed(context: RuleContext, info: RuleInfo) -> Finding:
    """No credits are sought (admission, employment, or a target without credits): the workload is reported."""
    what = (
        "the target states no credits"
        if context.case.purpose in (Purpose.CREDIT_TRANSFER, Purpose.RPL)
        else f"{PURPOSE_WORDS[context.case.purpose]} recognises the credential, not credits"
    )
    return finding(
        info,
        Status.NOT_APPLICABLE,
        f"The workload is reported, not weighed, as {what}: {context.workload.describe()}.",
        code="not_weighed",
    )


def _against_credits(context: RuleContext, info: RuleInfo, sought: float) -> Finding:
    """The credits the workload gives against those sought, from the hours where the credits rest on them."""
    workload = context.workload
    assert workload.ects is not None
    rulebook = context.rulebook
    band = f"{rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} hours per credit"
    support = workload.support_for(sought)
    doubt = ""
    if workload.hours_supported is not None and workload.hours is not None:
        # The credits rest on the hours (ECTS Users' Guide 2015): say what the hours support.
        info = replace(info, citation=cited.cite(info.citation, cited.ECTS_KEY_FEATURES))
        supported = f"{workload.hours:g} hours support {workload.hours_range()} at {band}"
        if workload.stated_ects is not None:
            supported = (
                f"the {workload.stated_ects:g} ECTS stated are not credible beside {workload.hours:g} hours "
                f"({workload.hours / workload.stated_ects:.1f} hours per credit); the {supported}"
            )
        if support is CreditSupport.SUPPORTED:
            return no_difference(
                context,
                info,
                "workload",
                f"{supported[0].upper()}{supported[1:]}, which covers the {sought:g} ECTS sought.",
            )
        if support is CreditSupport.UNCERTAIN:
            # Only a figure beyond the guide's band would support the credits: the awarding body, not a cut,
            # settles it (LRC Art. III.3, the burden of showing a difference is on the assessing body).
            return finding(
                info,
                Status.UNKNOWN,
                f"Whether the workload supports the {sought:g} ECTS sought is uncertain: {supported}, and only at "
                f"{workload.hours / sought:.1f} hours per credit would they support {sought:g} ECTS. The awarding "
                "body is asked to confirm the credits rather than the credits being cut.",
                field="credential.workload.ects",
                code="uncertain",
                information=[
                    ask_for(
                        context,
                        7,
                        f"credits (ECTS) the awarding body gives for the {workload.hours:g} hours of workload stated",
                        Supplier.AWARDING_BODY,
                    )
                ],
                if_unfavourable=PARTIAL_OR_WORSE,
            )
        doubt = f" {supported[0].upper()}{supported[1:]}, so the conservative {workload.ects:g} ECTS are counted."
    elif support is CreditSupport.SUPPORTED:
        return no_difference(context, info, "workload", f"{workload.describe()} covers the {sought:g} ECTS sought.")
    remaining = sought - workload.ects
    return finding(
        info,
        Status.FAIL,
        f"{workload.describe()} is less than the {sought:g} ECTS sought, by {remaining:g} ECTS." + doubt,
        field="credential.workload.ects",
        code="short",
        # Alternative recognition (credit in another form) is not held back by a shortfall against this
        # component; it opens only where another finding names such a form.
        allows=ALTERNATIVE_PARTIAL_OR_WORSE,
        condition=f"a top-up assessment for the remaining {remaining:g} ECTS",
    )
