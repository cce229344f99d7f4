"""The office's settings: one ``settings.toml`` in the user configuration folder, read by every front end.

The command line and the window read the same file, and the window's Settings dialog writes it, so a report
signed from the window and one written by ``recogniser assess --pdf`` carry the same office. Every key is
optional::

    [office]
    assessing_country = "HR"          # the default for new and imported cases
    rpl_credit_cap = "15%"            # the share of a programme's credits RPL may give (none when unset)
    stack_max_age_years = "5"         # the oldest a credential of a stack may be, in years (no limit when unset)

    [report]
    office_name = "ENIC-NARIC Croatia"
    office_address = "Donje Svetice 38, 10000 Zagreb"
    evaluator_name = "Ana Horvat"
    logo = "logo.png"                 # PNG or JPEG; a relative path is taken from this file's folder

    [store]
    database_url = "postgresql://recogniser@records.example/recogniser"   # a shared office database

Saving keeps the comments and layout an office wrote by hand (tomlkit round-trips them).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from recogniser.countries import is_alpha2
from recogniser.errors import UserInputError, located, system_reason
from recogniser.files import private_folder, write_text_atomically
from recogniser.i18n import N_, Phrase, available_languages, phrase
from recogniser.inputs import InputFileError, nesting_depth, read_bounded
from recogniser.joining import in_series, quoted
from recogniser.resources import user_config_path

SETTINGS_FILE_NAME = "settings.toml"
TEXT_LIMIT = 200
#: A settings file is a few lines; a larger one is refused unread.
MAX_SETTINGS_BYTES = 64 * 1024
#: Settings are tables of text; a file nested deeper than this holds none of them (other mistakes are named
#: key by key).
SETTINGS_DEPTH = 8
_TOO_DEEP = phrase(
    'nested more than {depth} levels deep; settings are key = "text" lines under a [table]', depth=SETTINGS_DEPTH
)

#: The tables of settings.toml and the keys each may hold, with the attribute of :class:`Settings` behind them.
SETTINGS_KEYS: dict[str, dict[str, str]] = {
    "general": {"language": "language"},
    "office": {
        "assessing_country": "assessing_country",
        "rpl_credit_cap": "rpl_credit_cap",
        "stack_max_age_years": "stack_max_age_years",
    },
    "report": {
        "office_name": "office_name",
        "office_address": "office_address",
        "evaluator_name": "evaluator_name",
        "logo": "logo",
    },
    "store": {"database_url": "database_url"},
}
_DATABASE_SCHEMES = ("sqlite", "postgresql", "postgres")


@dataclass(frozen=True)
class Settings:
    """The settings as written; empty text means "not set". ``logo`` is the path as written in the file."""

    assessing_country: str = ""
    rpl_credit_cap: str = ""
    stack_max_age_years: str = ""
    office_name: str = ""
    office_address: str = ""
    evaluator_name: str = ""
    logo: str = ""
    database_url: str = ""
    #: The language of the window, the report and the command line's messages ("en", "fr"); "" is English.
    language: str = ""

    @property
    def rpl_credit_share(self) -> float | None:
        """The office's cap on RPL credit as a share (0.15 for "15%"), or None where none is set."""
        return parse_share(self.rpl_credit_cap) if self.rpl_credit_cap else None

    @property
    def stack_max_age(self) -> int | None:
        """The office's maximum age of a credential in a stack, in whole years, or None where none is set."""
        return parse_years(self.stack_max_age_years) if self.stack_max_age_years else None

    def logo_path(self, source: Path) -> Path | None:
        """The logo file, a relative path taken from the folder of the settings file ``source``."""
        if not self.logo:
            return None
        logo = Path(self.logo).expanduser()
        return logo if logo.is_absolute() else source.parent / logo


def settings_file() -> Path:
    return user_config_path() / SETTINGS_FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default: the user's ``settings.toml``); all empty when there is no file.

    A file that is not UTF-8 TOML, an unknown table or key, or a value of the wrong kind raises
    :class:`UserInputError` naming the file and the key.
    """
    source = path if path is not None else settings_file()
    if not os.path.lexists(source):
        return Settings()
    try:
        raw = read_bounded(source, MAX_SETTINGS_BYTES, N_("settings file"))
    except InputFileError as error:
        raise UserInputError(located(str(source), error.reason)) from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserInputError(located(str(source), phrase("the settings file is not UTF-8 text"))) from None
    except tomllib.TOMLDecodeError as error:
        raise UserInputError(located(str(source), phrase("not valid TOML ({reason})", reason=str(error)))) from None
    except RecursionError:
        raise UserInputError(located(str(source), _TOO_DEEP)) from None
    if nesting_depth(document, SETTINGS_DEPTH) > SETTINGS_DEPTH:
        raise UserInputError(located(str(source), _TOO_DEEP))
    values: dict[str, str] = {}
    tables = in_series(f"[{name}]" for name in SETTINGS_KEYS)
    for table_name, table in document.items():
        keys = SETTINGS_KEYS.get(table_name)
        if keys is None and not isinstance(table, dict):
            problem = phrase("a setting outside a table; settings go under {tables}", tables=tables)
            raise UserInputError(_at(source, table_name, problem))
        if keys is None:
            raise UserInputError(
                _at(source, f"[{table_name}]", phrase("unknown table (known: {tables})", tables=tables))
            )
        if not isinstance(table, dict):
            problem = phrase("must be a table ({table})", table=f"[{table_name}]")
            raise UserInputError(_at(source, table_name, problem))
        for key, value in table.items():
            if key not in keys:
                problem = phrase("unknown setting (known: {keys})", keys=in_series(keys))
                raise UserInputError(_at(source, f"{table_name}.{key}", problem))
            values[keys[key]] = _text(value, source, f"{table_name}.{key}")
    settings = Settings(**values)
    if settings.assessing_country and not is_alpha2(settings.assessing_country):
        problem = phrase(
            "{value} is not an ISO 3166-1 alpha-2 country code (e.g. HR)", value=quoted(settings.assessing_country)
        )
        raise UserInputError(_at(source, "office.assessing_country", problem))
    if settings.rpl_credit_cap:
        try:
            parse_share(settings.rpl_credit_cap)
        except ValueError:
            problem = phrase(
                "{value} is not a share of a programme's credits; write a percentage such as {example}",
                value=quoted(settings.rpl_credit_cap),
                example=quoted("15%"),
            )
            raise UserInputError(_at(source, "office.rpl_credit_cap", problem)) from None
    if settings.stack_max_age_years:
        try:
            parse_years(settings.stack_max_age_years)
        except ValueError:
            problem = phrase(
                "{value} is not a number of years; write a whole number such as {example}, or remove the line for "
                "no limit",
                value=quoted(settings.stack_max_age_years),
                example=quoted("5"),
            )
            raise UserInputError(_at(source, "office.stack_max_age_years", problem)) from None
    if settings.language and settings.language not in available_languages():
        problem = unknown_language("general.language", settings.language, available_languages())
        raise UserInputError(located(str(source), problem))
    scheme = settings.database_url.partition(":")[0].partition("+")[0]
    if settings.database_url and scheme not in _DATABASE_SCHEMES:
        problem = phrase(
            "{scheme} is not a database Recogniser uses; write {sqlite} or {postgresql}",
            scheme=quoted(scheme),
            sqlite="sqlite:///PATH",
            postgresql="postgresql://USER@HOST/DATABASE",
        )
        raise UserInputError(_at(source, "store.database_url", problem))
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write ``settings`` atomically, keeping the comments and order of the file as it was; unset keys are
    removed and a table left empty is dropped."""
    import tomlkit  # only saving needs it; reading at start-up stays with the standard library

    target = path if path is not None else settings_file()
    try:
        document = tomlkit.parse(target.read_text("utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as error:
        problem = phrase("cannot read the settings file to update it ({reason})", reason=str(error))
        raise UserInputError(located(str(target), problem)) from None
    attributes = {field.name: getattr(settings, field.name) for field in fields(settings)}
    for table_name, keys in SETTINGS_KEYS.items():
        table: Any = document.get(table_name)
        if table is None:
            table = tomlkit.table()
        for key, attribute in keys.items():
            value = attributes[attribute].strip()
            if value:
                table[key] = value
            elif key in table:
                del table[key]
        if len(table):
            document[table_name] = table
        elif table_name in document:
            del document[table_name]
    try:
        private_folder(target.parent)  # the settings may hold a database password
        write_text_atomically(target, tomlkit.dumps(document))
    except OSError as error:
        problem = phrase("cannot write the settings file ({reason})", reason=system_reason(error))
        raise UserInputError(located(str(target), problem)) from None


def parse_share(text: str) -> float:
    """A share written as a percentage ("15%", "15") as a number from 0 to 1; ValueError otherwise."""
    number = float(text.strip().removesuffix("%").strip())
    if not 0 < number <= 100:
        raise ValueError(text)
    return number / 100


def parse_years(text: str) -> int:
    """A number of whole years from 1 to 100 ("5", "5 years"); ValueError otherwise."""
    words = text.strip().split()
    if not words or len(words) > 2 or (len(words) == 2 and words[1].lower() not in ("year", "years")):
        raise ValueError(text)
    years = int(words[0])
    if not 1 <= years <= 100:
        raise ValueError(text)
    return years


def stated_language(path: Path | None = None) -> str:
    """The language a settings file that cannot be used asks for, where that much can be read ("" otherwise),
    so that what is wrong with the file is said in that language."""
    try:
        document = tomllib.loads(read_bounded(path or settings_file(), MAX_SETTINGS_BYTES).decode("utf-8"))
        language = document.get("general", {}).get("language", "")
    except (UserInputError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, AttributeError):
        return ""
    return language if isinstance(language, str) and language.strip() in available_languages() else ""


def _text(value: object, source: Path, key: str) -> str:
    if not isinstance(value, str):
        raise UserInputError(_at(source, key, phrase("must be text in quotes")))
    value = value.strip()
    if len(value) > TEXT_LIMIT:
        problem = phrase("is too long ({length} characters; at most {limit})", length=len(value), limit=TEXT_LIMIT)
        raise UserInputError(_at(source, key, problem))
    return value


def _at(source: Path, key: str, problem: str) -> str:
    """A problem of the setting (or table) ``key`` of the settings file ``source``."""
    return located(str(source), located(key, problem))


def unknown_language(where: str, code: str, known: list[str]) -> Phrase:
    """The line refusing a language named where it was asked for (an option, a setting)."""
    problem = phrase(
        "{code} is not a language Recogniser speaks (known: {known})", code=quoted(code), known=in_series(known)
    )
    return phrase("{place}: {problem}", place=where, problem=problem)
