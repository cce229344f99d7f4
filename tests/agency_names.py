"""Name variants of quality assurance agencies as credentials and evaluators write them, each labelled with the
agency it names (its acronym in the register) or None where it names no registered agency. Written for this
project: acronyms, national-language names, transliterations, typos, cross-border agencies, and unrelated bodies
whose names share generic words with registered agencies. Used by the look-up tests and by
bench/agency_lookup_calibration.py, which calibrates the look-up's cut-offs on them."""

from __future__ import annotations

from typing import NamedTuple


class NameVariant(NamedTuple):
    text: str
    #: The issuer's country the look-up is given, or None.
    country: str | None
    #: The acronym of the agency the text names, or None when it names none.
    agency: str | None


NAME_VARIANTS: tuple[NameVariant, ...] = (
    # Acronyms, as written and in other cases or spellings.
    NameVariant("ASHE", "HR", "ASHE"),
    NameVariant("azvo", "HR", "ASHE"),
    NameVariant("AQ Austria", "AT", "AQ Austria"),
    NameVariant("NVAO", "NL", "NVAO"),
    NameVariant("FINEEC", "FI", "FINEEC"),
    NameVariant("KARVI", "FI", "FINEEC"),
    NameVariant("UKA", "SE", "UKÄ"),
    NameVariant("HCERES", "FR", "HCERES"),
    NameVariant("NOKUT", None, "NOKUT"),
    NameVariant("A3ES", "PT", "A3ES"),
    # National-language names.
    NameVariant("Agencija za znanost i visoko obrazovanje", "HR", "ASHE"),
    NameVariant("Kansallinen koulutuksen arviointikeskus", "FI", "FINEEC"),
    NameVariant("Nederlands-Vlaamse Accreditatieorganisatie", "BE", "NVAO"),
    NameVariant("Polska Komisja Akredytacyjna", "PL", "PKA"),
    NameVariant("Agência de Avaliação e Acreditação do Ensino Superior", "PT", "A3ES"),
    NameVariant("Universitetskanslersämbetet", "SE", "UKÄ"),
    NameVariant("Studijų kokybės vertinimo centras", "LT", "SKVC"),
    NameVariant("Национална агенция за оценяване и акредитация", "BG", "NEAA"),
    # Transliterations of names in another script, and names without their accents.
    NameVariant("Natsionalna agentsiya za otsenyavane i akreditatsiya", "BG", "NEAA"),
    NameVariant("Nezavisimoe agentstvo akkreditatsii i reitinga", "KZ", "IAAR"),
    NameVariant("Foreas Diasfalisis kai Pistopoiisis tis Poiotitas tis Anoteris Ekpaidefsis", "CY", "CYQAA"),
    NameVariant("Agentia Romana de Asigurare a Calitatii in Invatamantul Superior", "RO", "ARACIS"),
    NameVariant("Magyar Felsooktatasi Akkreditacios Bizottsag", "HU", "MAB"),
    # Typos.
    NameVariant("Agency for Science and Higher Educaton", "HR", "ASHE"),
    NameVariant("Finnish Educaton Evaluation Centre", "FI", "FINEEC"),
    NameVariant("Accreditation Organisation of the Netherlands and Flandres", "NL", "NVAO"),
    NameVariant("Swedish Higher Educaton Authority", "SE", "UKÄ"),
    NameVariant("Agentur fur Qualitatssicherung und Akreditierung Austria", "AT", "AQ Austria"),
    # Registered agencies working across borders, named exactly.
    NameVariant("AQ Austria", "DE", "AQ Austria"),
    NameVariant("ASIIN", "KZ", "ASIIN"),
    NameVariant("Swiss Agency of Accreditation and Quality Assurance", "DE", "AAQ"),
    NameVariant("EUA Institutional Evaluation Programme", "MK", "IEP"),
    # Bodies that are not registered agencies: they must not be matched, nor offer agencies of other countries.
    NameVariant("National Agency for Higher Education Quality Assurance", "UA", None),
    NameVariant("Національне агентство із забезпечення якості вищої освіти", "UA", None),
    NameVariant("Natsionalne ahentstvo iz zabezpechennia yakosti vyshchoi osvity", "UA", None),
    NameVariant("NAQA", "UA", None),
    NameVariant("Higher Education Commission", "PK", None),
    NameVariant("Accreditation and Quality Assurance Commission for Higher Education Institutions", "JO", None),
    NameVariant("Hochschulrektorenkonferenz", "DE", None),
    NameVariant("Akkreditierungsrat", "DE", None),
    NameVariant("British Council", "GB", None),
    NameVariant("Ministry of Science and Education", "HR", None),
    NameVariant("Agency for Vocational Education and Training and Adult Education", "HR", None),
    NameVariant("National Accreditation Centre", "RU", None),
    NameVariant("Quality and Qualifications Authority", "AE", None),
    NameVariant("TÜV SÜD", "DE", None),
    NameVariant("Council for Higher Education Accreditation", "US", None),
)
