"""The Spanish catalog, the standard gettext way, with Babel: extract, update, compile, check.

    python scripts/catalog.py extract   # src/ihss_calc/locale/ihss.pot from the sources
    python scripts/catalog.py update    # merge it into es/LC_MESSAGES/ihss.po (new: untranslated)
    python scripts/catalog.py compile   # ihss.po -> ihss.mo (committed; the wheel ships it)
    python scripts/catalog.py check     # exit 1 on an untranslated or fuzzy entry, or a stale .mo

The template gathers three kinds of messages: ihss's own (``_``, ``ngettext`` and ``N_`` in
src/ihss_calc, ``_`` in the worksheet template); click's, which its usage errors and help use
through the standard gettext domain (the modules a person meets: core, exceptions, types,
parser, decorators, formatting); and the labels of the bundled rates files, which the tables
show. See docs/translating.md.
"""

from __future__ import annotations

import io
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ihss_calc"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "ihss.pot"
LANGUAGES = ("es",)
CLICK_MODULES = ("core", "exceptions", "types", "parser", "decorators", "formatting")
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
HEADER = "Messages of ihss, the IHSS share-of-cost tool, and of the click messages it shows."


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "ihss.po"


def extract_rates_labels(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """A Babel extraction method for rates files: each figure's ``label``."""
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    labels = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            label = node.get("label")
            if isinstance(label, str):
                labels.add(label)
            for value in node.values():
                walk(value)

    walk(tomllib.loads(text))
    for label in sorted(labels):
        number = next((n for n, line in enumerate(lines, 1) if label in line), 0)
        yield number, "_", label, ["a figure's label in the rates files"]


def template() -> Catalog:
    catalog = Catalog(project="ihss", header_comment=f"# {HEADER}", fuzzy=False)

    def add(found: Iterator[tuple[Any, ...]], where: str) -> None:
        for item in found:
            filename, lineno, message, comments = item[0], item[1], item[2], item[3]
            catalog.add(message, locations=[(f"{where}{filename}", lineno)],
                        auto_comments=comments)  # fmt: skip

    method_map = [("**.py", "python"), ("templates/**.j2", "jinja2.ext:babel_extract")]
    add(extract_from_dir(PACKAGE, method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)),
        "src/ihss_calc/")  # fmt: skip
    click_dir = Path(click.__file__).parent
    for module in CLICK_MODULES:
        path = click_dir / f"{module}.py"
        with path.open("rb") as f:
            found = extract("python", f, keywords=KEYWORDS)
            add(((f"{module}.py", *m[:3]) for m in _plain(found)), "click/")
    for path in sorted((ROOT / "data").glob("rates_*.toml")):
        with path.open("rb") as f:
            found = extract(extract_rates_labels, f, keywords=KEYWORDS)  # type: ignore[arg-type]
            add(((path.name, *m[:3]) for m in _plain(found)), "data/")
    return catalog


def _plain(found: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, Any, list[str]]]:
    for lineno, message, comments, _context in found:
        yield lineno, message, comments


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False)
    path.write_bytes(buffer.getvalue())


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=language)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def problems(language: str) -> list[str]:
    """Untranslated or fuzzy entries, entries missing from the template, and a stale .mo."""
    found = []
    catalog = read(po_path(language), language)
    wanted = read(TEMPLATE)
    for message in wanted:
        if message.id and message.id not in catalog:
            found.append(f"not in {language}: {message.id!r}")
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"fuzzy: {message.id!r}")
        elif not all(strings):
            found.append(f"untranslated: {message.id!r}")
    mo = po_path(language).with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        found.append(f"{mo.relative_to(ROOT)} is not the compiled {language} catalog: compile")
    return found


def main(command: str) -> int:
    if command == "extract":
        write(template(), TEMPLATE)
    elif command == "update":
        fresh = read(TEMPLATE)
        for language in LANGUAGES:
            path = po_path(language)
            catalog = read(path, language) if path.exists() else Catalog(locale=language)
            catalog.update(fresh, no_fuzzy_matching=True)
            catalog.obsolete.clear()  # a message the sources no longer have is dropped
            write(catalog, path)
    elif command == "compile":
        for language in LANGUAGES:
            path = po_path(language)
            path.with_suffix(".mo").write_bytes(compiled(read(path, language)))
    elif command == "check":
        found = [p for language in LANGUAGES for p in problems(language)]
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
