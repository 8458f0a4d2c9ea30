"""One parser per kind of value a person types, used by every command and every file format,
so that ``soc``, ``whatif``, ``batch`` and ``timesheets`` take and refuse the same spellings
with the same words (amounts are in ``amounts``, dates and times in ``timesheets``).

- A **whole number** is ASCII digits only (0-9), surrounding spaces ignored: no sign, no
  underscore, no other script's digits, no decimal point (``+3``, ``2_026``, ``٣`` and ``1.5``
  are refused).
- A **Medi-Cal code** (and an SSI history) is one of its codes in any case, with spaces,
  underscores or hyphens between its words (``Medically Needy``, ``medically_needy``).

Each raises ``ValueProblem`` with the sentence to show after "Invalid value for ...:"."""

from __future__ import annotations

from ihss_calc.i18n import _


class ValueProblem(ValueError):
    """A value that is not of its kind; the message says why, in the language chosen."""


def shown(text: str) -> str:
    """A value as an error shows it: quoted, and a very long one cut, with its length."""
    if len(text) <= 40:
        return repr(text)
    return repr(_("{start}… ({n} characters)").format(start=text[:20], n=f"{len(text):,}"))


def whole_number(text: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``."""
    body = text.strip()
    if not body or not body.isascii() or not body.isdigit():
        why = _("{value} is not a whole number: write digits 0-9 only, such as 3")
        raise ValueProblem(why.format(value=shown(text)))
    if len(body) > 9 or not low <= int(body) <= high:
        why = _("{value} is not from {low} to {high}")
        raise ValueProblem(why.format(value=shown(text), low=low, high=high))
    return int(body)


def year(text: str) -> int:
    """A calendar year: a whole number (which years have rates is the rates' question)."""
    body = text.strip()
    if not body or not body.isascii() or not body.isdigit() or len(body) > 9:
        why = _("{value} is not a year: write digits 0-9 only, such as 2026")
        raise ValueProblem(why.format(value=shown(text)))
    return int(body)


def code(text: str, codes: tuple[str, ...]) -> str:
    """One of ``codes``, in any case, its words joined by spaces, underscores or hyphens."""
    found = "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    if found not in codes:
        choices = ", ".join(repr(c) for c in codes)
        why = _("{value} is not one of {choices}.")
        raise ValueProblem(why.format(value=shown(text), choices=choices))
    return found
