"""Values from a case inside the tool's own sentences, isolated for display.

The recommendation summary and many finding messages are English sentences that quote values from the case: a
credential title, an awarding body, a target programme. A right-to-left value breaks such a sentence on screen:
the Unicode Bidirectional Algorithm takes the paragraph's direction from its first strong letter (UAX #9, P2),
so a summary opening with an Arabic title is laid out right to left, and the quote marks and punctuation beside
the value move to the wrong side of it. Wrapping each such value in FIRST STRONG ISOLATE ... POP DIRECTIONAL
ISOLATE (U+2068 ... U+2069) keeps it apart: the sentence stays left to right and the value keeps its own order.

The isolation is done here, where the text is shown, and not in the texts themselves. The decision is a public
contract (``recogniser-decision/1``) read by programs and printed on terminals, most of which do not lay out
bidirectional text and some of which show the invisible controls as boxes; recorded decisions are compared and
searched as text; and the same case must give the same decision. So the summary and the messages stay plain text,
and each display (the report, the window) passes them through :func:`isolate_case_values` (or the whole decision
through :func:`isolate_decision`) with the case they were made from; a phrase is isolated in its fields, so it
is still shown in the reader's language. Only values with right-to-left letters are
wrapped: a left-to-right value needs no isolation in an English sentence, and a text left unchanged is the safest
display of it.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from recogniser.i18n import Phrase
from recogniser.joining import Derived
from recogniser.model import Case, Decision

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"

_RIGHT_TO_LEFT_CLASSES = frozenset({"R", "AL"})


def has_right_to_left_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT_CLASSES for c in text)


def isolate_case_values(text: str, case: Case) -> str:
    """``text`` (a sentence of the tool's) with every right-to-left value of ``case`` in it isolated."""
    return case_value_isolator(case)(text)


def isolate_decision(decision: Decision, case: Case) -> Decision:
    """``decision`` for display: its summary, messages, differences, conditions, information and appeal with the
    right-to-left values of ``case`` isolated. Never record or export the result: it is not the decision's text."""
    isolate = case_value_isolator(case)
    recommendation = decision.recommendation
    return dataclasses.replace(
        decision,
        recommendation=dataclasses.replace(
            recommendation,
            summary=isolate(recommendation.summary),
            substantial_differences=tuple(
                dataclasses.replace(difference, description=isolate(difference.description))
                for difference in recommendation.substantial_differences
            ),
            conditions=tuple(isolate(condition) for condition in recommendation.conditions),
            information_required=tuple(isolate(item) for item in recommendation.information_required),
            appeal=isolate(recommendation.appeal),
        ),
        findings=tuple(dataclasses.replace(f, message=isolate(f.message)) for f in decision.findings),
    )


def case_value_isolator(case: Case) -> Callable[[str], str]:
    """A function doing :func:`isolate_case_values` for ``case``, prepared once for many texts."""
    values = sorted(
        {value.strip() for value in texts_in(case) if has_right_to_left_letters(value)}, key=len, reverse=True
    )
    if not values:
        return _unchanged
    # Longest first, so a value holding another (a title naming its awarding body) is isolated as a whole.
    pattern = re.compile("|".join(re.escape(value) for value in values))

    def within(text: str) -> str:
        # A phrase is isolated in its fields, so it is still shown in the reader's language.
        if isinstance(text, Derived):
            return type(text)(within(text.value))
        if isinstance(text, Phrase):
            fields = {name: within(value) if isinstance(value, str) else value for name, value in text.values.items()}
            return Phrase(text.template, fields, text.plural, text.number_field)
        return pattern.sub(lambda match: f"{FIRST_STRONG_ISOLATE}{match.group()}{POP_DIRECTIONAL_ISOLATE}", text)

    def isolate(text: str) -> str:
        # A text that is only the value is shown by itself: isolating it would hide its direction from P2.
        if text.strip() in values:
            return text
        return within(text)

    return isolate


def _unchanged(text: str) -> str:
    return text


def texts_in(value: Any) -> Iterator[str]:
    """Every string in ``value`` (dataclasses, mappings and sequences of them): for a case, its fields and its
    document, unknown keys included."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts_in(getattr(value, field.name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from texts_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_in(item)
