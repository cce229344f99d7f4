"""The report's names for purposes, elements and rule sets."""

from __future__ import annotations

from recogniser.model import Element, Purpose, RuleSet

PURPOSE_LABELS: dict[Purpose, str] = {
    Purpose.ADMISSION: "Admission to a programme",
    Purpose.CREDIT_TRANSFER: "Credit transfer into a programme",
    Purpose.EMPLOYMENT: "Statement for employment",
    Purpose.RPL: "Recognition of prior learning",
}

ELEMENT_LABELS: dict[Element, str] = {
    Element.LEVEL: "Level",
    Element.WORKLOAD: "Workload",
    Element.QUALITY: "Quality",
    Element.PROFILE: "Profile",
    Element.LEARNING_OUTCOMES: "Learning outcomes",
    Element.ASSESSMENT: "Assessment",
    Element.IDENTITY: "Identity",
    Element.COMPLETENESS: "Completeness",
    Element.PROCEDURE: "Procedure",
    Element.AUTHENTICITY: "Authenticity",
}

#: Rule sets in the order the report lists them, with the texts they apply.
RULE_SET_TITLES: dict[RuleSet, str] = {
    RuleSet.AUTHENTICITY: "Authenticity of the credential (Council Recommendation 2022/C 243/02, Annex II; EAR manual)",
    RuleSet.COMPLETENESS: "Annex I completeness (Council Recommendation 2022/C 243/02)",
    RuleSet.LISBON: "Lisbon Recognition Convention (1997) and its subsidiary texts",
    RuleSet.QF: "Qualifications frameworks (QF-EHEA, EQF, national) and ECTS",
    RuleSet.ESG: "Quality assurance (ESG 2015, EQAR, DEQAR)",
    RuleSet.OUTCOMES: "Learning outcomes analysis",
}
