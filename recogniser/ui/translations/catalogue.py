"""Read a Qt Linguist ``.ts`` catalogue and say what in it is not ready to show: no Qt needed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

#: ``{name}`` fields filled by ``str.format`` after translation: a translation must keep every one of them.
_FIELD = re.compile(r"\{[a-z_]*(?:[:!][^{}]*)?\}")
#: A keyboard accelerator: ``&`` before a letter (``&&`` is a literal ampersand).
_ACCELERATOR = re.compile(r"(?<!&)&(?=[^&\s;])")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    numerus: bool
    #: The ``type`` attribute of the translation: "" when finished, else unfinished, vanished or obsolete.
    state: str

    @property
    def finished(self) -> bool:
        return not self.state and bool(self.translations) and all(text.strip() for text in self.translations)


def read_catalogue(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: tuple[str, ...] = ()
            state = "unfinished"
            if translation is not None:
                state = translation.get("type", "")
                numerus_forms = translation.findall("numerusform")
                forms = tuple(form.text or "" for form in numerus_forms) if numerus_forms else (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    translations=forms,
                    numerus=message.get("numerus") == "yes",
                    state=state,
                )
            )
    return messages


def problems(message: Message) -> list[str]:
    """Why ``message`` cannot be shown as translated: unfinished, or a field or accelerator lost on the way."""
    where = f"{message.context or '(module)'}: {message.source!r}"
    if not message.finished:
        return [f"{where}: not translated"]
    found = []
    fields = sorted(_FIELD.findall(message.source))
    for text in message.translations:
        if sorted(_FIELD.findall(text)) != fields:
            found.append(f"{where}: the translation {text!r} does not keep the fields {fields}")
        if len(_ACCELERATOR.findall(text)) != len(_ACCELERATOR.findall(message.source)):
            found.append(f"{where}: the translation {text!r} does not keep one keyboard accelerator (&)")
        if message.numerus and "%n" not in text and "%n" in message.source:
            found.append(f"{where}: the plural form {text!r} does not give the number (%n)")
    return found


def completeness(messages: list[Message]) -> str:
    done = sum(1 for message in messages if message.finished)
    return f"{done} of {len(messages)} strings translated"
