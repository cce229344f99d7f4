"""The rule sets, the rulebook and the assessment pipeline."""

from recogniser.rules.engine import assess
from recogniser.rules.rulebook import DEFAULT_RULEBOOK, Rulebook

__all__ = ["DEFAULT_RULEBOOK", "Rulebook", "assess"]
