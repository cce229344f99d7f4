"""The rule sets, the rulebook and the assessment pipeline.

The package's face is what the layers above it (the report, the seminar tools, the commands, the window) may use;
the modules inside it are the rules' own.
"""

from recogniser.rules.engine import assess
from recogniser.rules.rulebook import DEFAULT_RULEBOOK, Rulebook

__all__ = ["DEFAULT_RULEBOOK", "Rulebook", "assess"]
