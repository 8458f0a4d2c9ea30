"""The language a person reads: English, or Spanish from ``--lang es`` or the environment.

Every sentence goes through ``_`` (or ``ngettext`` for a count), the standard gettext way;
the Spanish catalog is ``locale/es/LC_MESSAGES/ihss.po``, compiled to the ``.mo`` beside it
(see docs/translating.md). English needs no catalog: until Spanish is chosen ``_`` gives its
message back and nothing is loaded, so the English start-up does not pay for Spanish.

click's own messages ("Usage:", "Error: ...", "Missing option ...") go through the standard
gettext domain; choosing Spanish binds that domain to this catalog, which holds them too.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
from collections.abc import Mapping, Sequence
from typing import Final

LANGUAGES: Final = ("en", "es")
DOMAIN: Final = "ihss"
LOCALE_DIR: Final = os.path.join(os.path.dirname(__file__), "locale")  # no pathlib at start-up
# gettext's order (GNU gettext's too): the first of these that is set decides.
ENVIRONMENT: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations | None = None  # None: English, no catalog loaded
_language = "en"


def N_(message: str) -> str:
    """Mark a message for the catalog where it is declared; ``_`` translates it where used."""
    return message


def _(message: str) -> str:
    """``message`` in the chosen language."""
    t = _translation
    return message if t is None else t.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message with a count, by the language's plural rule."""
    t = _translation
    if t is None:
        return singular if n == 1 else plural
    return t.ngettext(singular, plural, n)


def language() -> str:
    """The language chosen: "en" or "es"."""
    return _language


def from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language the environment asks for, as gettext reads it: the first of LANGUAGE,
    LC_ALL, LC_MESSAGES and LANG that is set; LANGUAGE may list several (``fr:es``), the
    first one ``ihss`` has wins. ``es_US.UTF-8``, ``es_MX`` and ``es`` are Spanish; ``C``,
    ``POSIX`` and anything else are English."""
    for name in ENVIRONMENT:
        value = environ.get(name)
        if value:
            return _first_known(value.split(":"))
    return "en"


def _first_known(names: Sequence[str]) -> str:
    for name in names:
        code = name.split(".")[0].split("@")[0].split("_")[0].lower()
        if code in ("c", "posix"):
            return "en"
        if code in LANGUAGES:
            return code
    return "en"


def arguments_language(args: Sequence[str]) -> str | None:
    """The ``--lang`` of a command line, wherever it is given (``ihss --lang es soc`` or
    ``ihss soc --lang es``), found before click parses anything: the language decides how
    even a parse error is worded. A value that is not a language is left to click to refuse."""
    chosen = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            chosen = value
    return chosen


def choose(code: str | None) -> str:
    """Use ``code`` ("en", "es"), or the environment's language when it is None."""
    global _translation, _language
    forced = code is not None
    code = code if code is not None else from_environment()
    if code == "en" and not forced and _translation is None:
        return code  # the usual case: nothing to load or bind
    _translation = (
        None if code == "en" else gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])
    )
    _language = code
    # click looks its messages up through the global gettext domain, by the environment.
    gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = code
    return code


def reset() -> None:
    """Back to English with nothing loaded, as a new process starts (for tests)."""
    global _translation, _language
    _translation, _language = None, "en"
    gettext.textdomain("messages")


def date_text(day: dt.date) -> str:
    """A date as its reader expects it: 2026-01-01 in English (as the rates files write it),
    "1 de enero de 2026" in Spanish (CLDR's es_US, through Babel, loaded only then)."""
    if _language == "en":
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, format="long", locale="es_US")


# The system's words for why a file could not be read or written, in the language chosen:
# the C library gives them in English whatever --lang says.
OS_REASONS = {
    "ENOENT": N_("no such file or directory"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("operation not permitted"),
    "EISDIR": N_("it is a directory"),
    "ENOTDIR": N_("a part of the path is not a directory"),
    "ENOSPC": N_("no space left on the device"),
    "EROFS": N_("the file system is read-only"),
    "EEXIST": N_("it already exists"),
    "EIO": N_("input/output error"),
    "ENAMETOOLONG": N_("the name is too long"),
}


def os_reason(exc: OSError) -> str:
    """Why ``exc`` happened, in words of the language chosen where ihss has them."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if language() != "en" and name in OS_REASONS:
        return _(OS_REASONS[name])
    return exc.strerror or str(exc)  # in English, the system's own words
