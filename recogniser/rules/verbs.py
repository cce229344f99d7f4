"""Action verbs by cognitive level, in the languages credentials come in.

Bloom's revised taxonomy (Anderson and Krathwohl, 2001) orders what a learner does from remembering (1) to
creating (6). Learning outcomes state it with an action verb: "list", "apply", "design". The tables give each
verb's tier; an outcome's tier is that of its most demanding verb, since "describe and apply" asks for applying.
The reading is rough by design: it is a signal for the evaluator (and, between two outcomes, a check that a
topic match is at the same depth), never a verdict on its own.

Verbs are matched on their stems, folded (case and accents), so that the infinitive and the usual conjugated
forms meet: French "analyser"/"analyse", German "analysieren"/"analysiert", Spanish "analizar"/"analiza",
Croatian "analizirati"/"analizira". English is matched on whole words, where stems would be too loose.
"""

from __future__ import annotations

from functools import lru_cache

from recogniser.rules.languages import CONJUNCTIONS, guess_language, words_of

#: Tier -> English verbs, whole words (third-person forms are derived).
_ENGLISH = {
    1: "define identify list name recall recognise recognize state describe outline reproduce memorise memorize "
    "label match select locate",
    2: "explain summarise summarize interpret classify compare discuss illustrate understand paraphrase report "
    "translate distinguish",
    3: "apply use implement carry execute operate perform demonstrate solve calculate prepare plan organise "
    "organize conduct manage administer handle negotiate",
    4: "analyse analyze differentiate examine investigate diagnose test inspect model interpret",
    5: "evaluate assess critique judge justify appraise argue defend review audit recommend prioritise prioritize",
    6: "create design develop formulate construct compose devise generate produce propose research lead draft "
    "author invent innovate",
}

#: Tier -> stems, per language (folded: lower case, no accents). A stem matches a word it begins when at most a
#: few letters (an ending) follow.
_STEMS: dict[str, dict[int, str]] = {
    "fr": {
        1: "defini identifi enumer nomm citer reconnai decri decrir rappel memoris repere",
        2: "expliqu resum interpret classi compar discut illustr comprend reformul",
        3: "appliqu utilis mettre mett execut operer realis resoudr resolv calcul prepar planifi organis conduir "
        "conduis gerer gere negoci",
        4: "analys differenci examin investigu diagnostiqu test inspect",
        5: "evalu critiqu juge justifi argument defend audit recommand",
        6: "cree creer concevoir concoi concu develop formul construi compos elabor produi propos redig dirig invent",
    },
    "de": {
        1: "definier identifizier aufzaehl aufzahl benenn nenn wiedergeb erinner erkenn beschreib",
        2: "erklaer erklar zusammenfass interpretier klassifizier vergleich diskutier erlaeuter erlauter versteh",
        3: "anwend verwend umsetz durchfuehr durchfuhr fuehr fuhren losen loesen berechn vorbereit plan "
        "organisier leit verhandel",
        4: "analysier untersuch pruef pruf diagnostizier testen test differenzier",
        5: "bewert beurteil evaluier kritisier begruend begrund rechtfertig",
        6: "entwickel entwerf entwirf konzipier gestalt erstell erzeug formulier konstruier verfass",
    },
    "es": {
        1: "defin identific enumer nombr record reconoc describ list",
        2: "explic resum interpret clasific compar discut ilustr comprend entend",
        3: "aplic utiliz usar implement ejecut oper realiz resolv calcul prepar planific organiz gestion maneja "
        "manej negoci",
        4: "analiz diferenci examin investig diagnostic prueb inspeccion",
        5: "evalu critic juzg justific argument defend audit",
        6: "crea disen desarroll formul constru compon elabor produc propon redact dirig",
    },
    "it": {
        1: "defin identific elenc nomin ricord riconosc descriv",
        2: "spieg riassum interpret classific confront discut illustr comprend",
        3: "applic utilizz usare implement esegu oper realizz risolv calcol prepar pianific organizz gest negozi",
        4: "analizz differenzi esamin indag diagnostic verific ispezion",
        5: "valut critic giudic giustific argoment difend",
        6: "crea progett svilupp formul costru compon elabor produ propon redig dirig",
    },
    "pt": {
        1: "defin identific enumer nome record reconhec descrev list",
        2: "explic resum interpret classific compar discut ilustr compreend entend",
        3: "aplic utiliz usar implement execut oper realiz resolv calcul prepar planej planific organiz geri negoci",
        4: "analis diferenci examin investig diagnostic test inspecion",
        5: "avali critic julg justific argument defend",
        6: "cria conceb projet desenvolv formul constru compo elabor produz propo redig lider",
    },
    "nl": {
        1: "definier identificeer identificer benoem noem herken beschrijf beschrev opsomm",
        2: "uitleg verklar verklaar samenvat interpreteer interpreter vergelijk bespreek bespre begrijp",
        3: "toepass gebruik implementeer implementer bereken bereid plan organiseer organiser "
        "beheer onderhandel uitvoer",
        4: "analyseer analyser onderzoek onderscheid diagnosticeer test",
        5: "evalueer evaluer beoordeel beoordel beargumenteer rechtvaardig",
        6: "ontwerp ontwikkel creeer creer formuleer formuler construeer opstel",
    },
    "hr": {
        1: "definira identificira nabroj naved navest imenova prepozna opisa opisu opis",
        2: "objasni objasnjava sazet interpretira klasificira usporedi usporeduj raspravlj ilustrira razumi",
        3: "primijen primjenj koristi upotrijeb provod izvod izvrs rijesi rjesava izracuna pripremi planira "
        "organizira upravlj pregovara",
        4: "analizira istraz ispita dijagnosticira testira razlikova",
        5: "vrednova procijen procjenj kritizira prosud opravda argumentira",
        6: "kreira stvori stvara dizajnira razvi razvija formulira konstruira oblikova izradi izraduj",
    },
}

#: Letters that may follow a stem (an ending); more means another word that begins alike.
_MAX_ENDING = 5
#: Shorter stems begin too many other words ("met" in "method").
_MIN_STEM = 4


def _english_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for tier, verbs in _ENGLISH.items():
        for verb in verbs.split():
            # The highest tier wins for a verb listed twice ("interpret" reads as analysis).
            table[verb] = max(tier, table.get(verb, 0))
    return table


ENGLISH_VERBS = _english_table()


def _stem_tables() -> dict[str, list[tuple[str, int]]]:
    tables: dict[str, list[tuple[str, int]]] = {}
    for language, tiers in _STEMS.items():
        stems: dict[str, int] = {}
        for tier, words in tiers.items():
            for stem in words.split():
                if len(stem) < _MIN_STEM:
                    raise ValueError(f"verb stem {stem!r} is shorter than {_MIN_STEM} letters")
                stems[stem] = max(tier, stems.get(stem, 0))
        # Longest first, so "analys" is tried before shorter stems that begin alike.
        tables[language] = sorted(stems.items(), key=lambda item: -len(item[0]))
    return tables


_STEM_TABLES = _stem_tables()
#: Languages whose outcomes put the verb at the end of the clause ("Risiken bewerten", "een plan opstellen").
_VERB_LAST = frozenset({"de", "nl"})


@lru_cache(maxsize=65536)
def word_tier(word: str, language: str = "en") -> int | None:
    """The tier of one folded word as an action verb of ``language``, or None where it is not one."""
    if language == "en" or language not in _STEM_TABLES:
        for form in (word, word[:-3] + "y" if word.endswith("ies") else "", word[:-1] if word.endswith("s") else ""):
            if form in ENGLISH_VERBS:
                return ENGLISH_VERBS[form]
        return None
    if len(word) < _MIN_STEM:
        return None
    for stem, tier in _STEM_TABLES[language]:
        if word.startswith(stem) and len(word) - len(stem) <= _MAX_ENDING:
            return tier
    return None


def _first_verb(words: list[str], language: str) -> int:
    return next((index for index, word in enumerate(words) if word_tier(word, language) is not None), len(words))


#: Words of an outcome read for its verbs: an outcome is one statement.
_WORDS_READ = 40


@lru_cache(maxsize=8192)
def outcome_tier(outcome: str, language: str | None = None) -> int | None:
    """The cognitive tier (1-6) of an outcome, or None where it has no action verb the tables know.

    The outcome is read in its language (``language``, else guessed from its small words, else English): its head
    verb is the first action verb (the last in German and Dutch, where the verb ends the clause), together with
    the verbs joined to it ("describe and apply" reads as applying); other words that happen to look like verbs
    ("a critical path", "the project") are not read.
    """
    words = words_of(outcome, _WORDS_READ)
    if not words:
        return None
    language = language or guess_language(words)
    if language is None:
        # Too few small words to tell: the language whose action verb comes first (English on a tie).
        language = min(("en", *_STEM_TABLES), key=lambda candidate: _first_verb(words, candidate))
    tiers = [word_tier(word, language) for word in words]
    positions = [index for index, tier in enumerate(tiers) if tier is not None]
    if not positions:
        return None
    step = -1 if language in _VERB_LAST else 1
    head = positions[-1] if step == -1 else positions[0]
    found = [tiers[head]]
    index = head
    # Verbs joined to the head: "verb and verb" (or "verb und verb", read backwards where the verb comes last).
    while 0 <= index + 2 * step < len(words) and words[index + step] in CONJUNCTIONS:
        joined = tiers[index + 2 * step]
        if joined is None:
            break
        found.append(joined)
        index += 2 * step
    return max(tier for tier in found if tier is not None)
