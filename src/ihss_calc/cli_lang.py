"""``--lang`` on every command, and the help texts in the language chosen.

click keeps each command's help, epilog and option helps as the English it was declared with
(each marked ``N_`` for the catalog); once a language is chosen, ``translate_command`` puts
their translations in place, from the English kept aside, so a process can switch back (the
tests do). The language is chosen from the command line before click parses it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ihss_calc import i18n
from ihss_calc.i18n import N_

F = TypeVar("F", bound=Callable[..., Any])

OPTIONS = N_("[OPTIONS]")  # click's usage line, which click does not translate
_ENGLISH = "_ihss_english"  # the attribute that keeps a command's English texts


def lang_option(command: F) -> F:
    """``--lang es|en``: read before parsing (see ``use_language``); declared on every command
    so that help lists it and click refuses a language ``ihss`` does not have."""
    return click.option(
        "--lang",
        type=click.Choice(i18n.LANGUAGES),
        expose_value=False,
        is_eager=True,
        help=N_(
            "Language of the output: es (español) or en (English). Default: from LANGUAGE, "
            "LC_ALL, LC_MESSAGES or LANG, else English."
        ),
    )(command)


def use_language(group: click.Command, args: Sequence[str]) -> None:
    """Choose the language of ``args`` (or the environment's) and translate ``group``'s help."""
    i18n.choose(i18n.arguments_language(args))
    translate_command(group)


def translate_command(command: click.Command) -> click.Command:
    """Put ``command``'s help texts (and its subcommands') in the language chosen."""
    english: dict[str, Any] | None = getattr(command, _ENGLISH, None)
    if english is None:
        if i18n.language() == "en":
            return command  # never translated: English as declared
        english = {
            "help": command.help,
            "epilog": command.epilog,
            "short_help": command.short_help,
            "params": [(p, getattr(p, "help", None), p.metavar) for p in command.params],
        }
        setattr(command, _ENGLISH, english)
    command.help = _maybe(english["help"])
    command.epilog = _maybe(english["epilog"])
    command.short_help = _maybe(english["short_help"])
    for param, help_text, metavar in english["params"]:
        if isinstance(param, click.Option):
            param.help = _maybe(help_text)
        param.metavar = _maybe(metavar)
    command.options_metavar = _maybe(OPTIONS)
    command._help_option = None  # click makes it anew, its help in the language chosen
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_command(sub)
    return command


def _maybe(text: str | None) -> str | None:
    return i18n._(text) if text else text


def plain_option(command: F) -> F:
    """``--plain``: linear output for a screen reader or a pipe (see ``render.plain_mode``)."""

    def chosen(context: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            context.find_root().meta["ihss.plain"] = True

    return click.option(
        "--plain",
        is_flag=True,
        expose_value=False,
        callback=chosen,
        help=N_(
            "Linear output, for a screen reader or a pipe: no boxes, bars or colour, one "
            "sentence a line (also IHSS_PLAIN=1, or TERM=dumb)."
        ),
    )(command)
