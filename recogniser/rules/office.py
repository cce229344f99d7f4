"""The rulebook an office assesses with: the shipped one with the office's own policy from its settings."""

from __future__ import annotations

from recogniser.errors import UserInputError
from recogniser.rules.rulebook import DEFAULT_RULEBOOK, Rulebook
from recogniser.settings import Settings, load_settings, settings_file


def office_rulebook(settings: Settings) -> Rulebook:
    """The shipped rulebook with the office's own policy (its cap on RPL credit, the oldest credential a stack
    counts), its version saying so."""
    return DEFAULT_RULEBOOK.with_rpl_credit_cap(settings.rpl_credit_share).with_stack_max_age(settings.stack_max_age)


class _OfficeRulebook:
    """The office rulebook of the settings file as it is now, read again only when the file changes (the window
    assesses on every keystroke, and the Settings dialog may change the file meanwhile)."""

    stamp: tuple[int, int] | None = None
    rulebook: Rulebook = DEFAULT_RULEBOOK


def current_office_rulebook() -> Rulebook:
    """:func:`office_rulebook` of the current settings file; the shipped rulebook while it has a problem (the
    window shows the problem once, the command line stops on it)."""
    path = settings_file()
    try:
        status = path.stat()
        stamp: tuple[int, int] | None = (status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = None
    if stamp != _OfficeRulebook.stamp:
        try:
            _OfficeRulebook.rulebook = office_rulebook(load_settings(path))
        except UserInputError:
            _OfficeRulebook.rulebook = DEFAULT_RULEBOOK
        _OfficeRulebook.stamp = stamp
    return _OfficeRulebook.rulebook
