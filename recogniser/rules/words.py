"""The words the rules use for the purposes and outcomes, in one place."""

from __future__ import annotations

from recogniser.model import Outcome, Purpose

PURPOSE_WORDS = {
    Purpose.ADMISSION: "admission",
    Purpose.CREDIT_TRANSFER: "credit transfer",
    Purpose.EMPLOYMENT: "employment",
    Purpose.RPL: "recognition of prior learning",
}

OUTCOME_WORDS = {
    Outcome.FULL_RECOGNITION: "Full recognition",
    Outcome.ALTERNATIVE_RECOGNITION: "Alternative recognition",
    Outcome.PARTIAL_RECOGNITION: "Partial recognition",
    Outcome.CONDITIONAL_RECOGNITION: "Recognition with conditions",
    Outcome.NON_RECOGNITION: "Non-recognition",
    Outcome.INFORMATION_REQUIRED: "Information required",
}
