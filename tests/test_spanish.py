"""Spanish: the catalog is whole, every command speaks it, and the numbers do not change.

The catalog checks extract a fresh template from the sources (Babel, as scripts/catalog.py
does), so a new English message without its Spanish fails here, as does a fuzzy entry, a
placeholder that does not match, or a compiled .mo older than its .po.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from ihss_calc import i18n
from ihss_calc.cli import cli
from tests.helpers import run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import catalog as catalog_tool  # noqa: E402  (scripts/catalog.py)

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)s")
SEED = ("soc", "--unearned", "1000", "--earned", "500", "--year", "2022")


@pytest.fixture(scope="module")
def spanish() -> Catalog:
    with catalog_tool.po_path("es").open("rb") as f:
        return read_po(f, locale="es")


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalog_tool.template()


def _strings(message: Message) -> tuple[str, ...]:
    s: Any = message.string
    return tuple(s) if isinstance(s, tuple | list) else (str(s or ""),)


def _ids(message: Message) -> tuple[str, ...]:
    i: Any = message.id
    return tuple(i) if isinstance(i, tuple | list) else (str(i),)


def test_every_message_of_the_sources_has_a_spanish_translation(
    template: Catalog, spanish: Catalog
) -> None:
    missing = [m.id for m in template if m.id and (m.id not in spanish or not all(
        _strings(spanish[m.id])))]  # fmt: skip
    assert not missing, f"{len(missing)} messages without Spanish: {missing[:5]}"
    assert len([m for m in template if m.id]) > 500  # ours, click's and the rates labels


def test_no_entry_is_fuzzy_or_obsolete(spanish: Catalog, template: Catalog) -> None:
    assert [m.id for m in spanish if m.id and m.fuzzy] == []
    assert not spanish.obsolete
    wanted = {m.id for m in template if m.id}
    assert [m.id for m in spanish if m.id and m.id not in wanted] == []


def test_every_placeholder_of_a_translation_matches_its_source(spanish: Catalog) -> None:
    wrong: list[tuple[Any, Any]] = []
    for m in spanish:
        if not m.id:
            continue
        source = set().union(*(PLACEHOLDER.findall(i) for i in _ids(m)))
        forms = [set(PLACEHOLDER.findall(text)) for text in _strings(m)]
        if isinstance(m.id, tuple):  # a plural: "1 was given" may say no {count}
            if not all(f <= source for f in forms) or set().union(*forms) != source:
                wrong.append((m.id, m.string))
        elif forms[0] != source:
            wrong.append((m.id, m.string))
        for text in _strings(m):
            if "\b" in _ids(m)[0] and text.count("\b") != _ids(m)[0].count("\b"):
                wrong.append((m.id, "the \\b of click's unwrapped blocks"))
    assert wrong == []


def test_plurals_use_the_languages_rule(spanish: Catalog) -> None:
    assert spanish.num_plurals == 3  # CLDR's Spanish: one, many (millions), other
    plurals = [m for m in spanish if isinstance(m.id, tuple)]
    assert len(plurals) >= 10
    assert all(len(_strings(m)) == spanish.num_plurals for m in plurals)


def test_the_compiled_catalog_is_the_po_file(spanish: Catalog) -> None:
    mo = catalog_tool.po_path("es").with_suffix(".mo")
    assert mo.read_bytes() == catalog_tool.compiled(spanish), "run scripts/catalog.py compile"


def test_the_seed_example_in_spanish_says_parte_del_costo() -> None:
    result = run("--lang", "es", *SEED)
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert flat.startswith(
        "Es probable que usted pague $0 de parte del costo de IHSS: parece que califica para el "
        "programa para Personas Mayores y con Discapacidad según el Nivel Federal de Pobreza "
        "(A&D FPL): su ingreso para ese programa, $1,197.50, es igual o menor que su límite de "
        "$1,563 (138% del nivel de pobreza, desde abril de 2022). Con Medi-Cal con costo "
        "compartido pagaría $157.29."
    )
    assert "Medi-Cal evaluado para junio de 2022." in flat
    assert "Qué Medi-Cal: cada programa, en el orden del condado (junio de 2022)" in flat
    given = run("--lang", "es", *SEED, "--medi-cal", "medically-needy").stdout
    assert given.splitlines()[0] == "Usted paga $157.29 al mes de parte del costo (SOC) de IHSS."
    assert "Podría ganar hasta $185.43 al mes antes de pagar." in given
    old = run("--lang", "es", *SEED[:-1], "2021")  # tests run on 2022-06-01
    assert old.stderr.startswith("Aviso: estas son tarifas de 2021, pero estamos en 2022")


@pytest.mark.parametrize("lang", ["es_US.UTF-8", "es_MX", "es", "es_ES.UTF-8@euro"])
def test_the_environment_chooses_spanish(lang: str) -> None:
    assert run(*SEED, env={"LANG": lang}).stdout == run("--lang", "es", *SEED).stdout


@pytest.mark.parametrize(
    ("env", "first"),
    [
        ({"LANG": "es_US.UTF-8", "LC_ALL": "C"}, "You likely pay"),  # LC_ALL comes first
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_MX.UTF-8"}, "Es probable que usted"),
        ({"LANG": "es_US.UTF-8", "LANGUAGE": "fr:en"}, "You likely pay"),
        ({"LANG": "C", "LANGUAGE": "fr:es"}, "Es probable que usted"),  # the first ihss has
        ({"LANG": "fr_FR.UTF-8"}, "You likely pay"),
        ({}, "You likely pay"),
    ],
)
def test_the_environment_is_read_as_gettext_reads_it(env: dict[str, str], first: str) -> None:
    assert run(*SEED, env=env).stdout.startswith(first)


def test_lang_overrides_the_environment_either_way() -> None:
    english = run("--lang", "en", *SEED, env={"LANG": "es_US.UTF-8"}).stdout
    assert english.startswith("You likely pay")
    spanish = run(*SEED, "--lang", "es").stdout  # on the subcommand too
    assert spanish.startswith("Es probable que usted")
    bad = run("--lang", "fr", *SEED)
    assert bad.exit_code == 2
    assert "Invalid value for '--lang': 'fr' is not one of 'en', 'es'." in bad.stderr


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every number, code and flag of a JSON document, by path; sentences left out."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _leaves(item, f"{path}.{key}")
                .items()}  # fmt: skip
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _leaves(item, f"{path}[{i}]")
                .items()}  # fmt: skip
    return {path: value}


HUMAN = re.compile(
    r"\.(summary|notes|warnings|label|rule|message|note|reason|needs|caution|sentence|compared)"
    r"(\[\d+\])?$"
)
HOUSEHOLDS = [
    SEED,
    ("soc", "--unearned", "800", "--spouse-earned", "3000", "--children", "1"),
    ("soc", "--unearned", "1500", "--medi-cal", "medically-needy", "--health-premiums", "202.90"),
    ("soc", "--unearned", "1200", "--earned", "900", "--medi-cal", "wdp", "--assets", "150000"),
    ("whatif", "--unearned", "1000", "--earned", "0:3000:500"),
    ("hours", "--weekly", "personal-care=15", "--weekly", "meal-preparation=6"),
    ("rates", "--year", "2026"),
]


@pytest.mark.parametrize("args", HOUSEHOLDS, ids=lambda a: " ".join(a[:3]))
def test_json_has_the_same_keys_and_numbers_in_both_languages(args: tuple[str, ...]) -> None:
    english, spanish = run(*args, "--json"), run("--lang", "es", *args, "--json")
    assert english.exit_code == spanish.exit_code == 0, spanish.stderr
    en = _leaves(json.loads(english.stdout, parse_float=Decimal))
    es = _leaves(json.loads(spanish.stdout, parse_float=Decimal))
    assert en.keys() == es.keys()
    same = {k: v for k, v in en.items() if not HUMAN.search(k)}
    assert same == {k: es[k] for k in same}, "only sentences change with the language"
    changed = [k for k in en if HUMAN.search(k) and isinstance(en[k], str) and en[k] != es[k]]
    assert changed, "the sentences are translated"


def test_a_usage_error_is_in_spanish() -> None:
    result = run("--lang", "es", "soc", "--unearned", "-5")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Uso: ihss soc [OPCIONES]\n"
        "Pruebe 'ihss soc --help' para obtener ayuda.\n\n"
        "Error: Valor no válido para '--unearned': '-5' es negativo; las cantidades deben ser "
        "0 o más\n"
    )
    unknown = run("--lang", "es", "soc", "--hour")
    assert unknown.exit_code == 2
    assert unknown.stderr.splitlines()[-1] == (
        "Error: No existe la opción '--hour'. (¿Quiso decir una de estas: '--force', "
        "'--hours'?)")  # fmt: skip


def _commands() -> dict[str, click.Command]:
    ctx = click.Context(cli)
    found: dict[str, click.Command] = {}
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None
        found[name] = command
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                found[f"{name} {sub}"] = command.commands[sub]
    return found


@pytest.mark.parametrize("name", ["", *sorted(_commands())])
def test_help_is_in_spanish_for_every_command(name: str, spanish: Catalog) -> None:
    assert run(*name.split(), "--help").stdout.startswith("Usage: ihss")  # English as declared
    command = _commands()[name] if name else cli
    helps = [str(p.help) for p in command.params
             if isinstance(p, click.Option) and p.help and p.name != "lang"]  # fmt: skip
    result = run("--lang", "es", *name.split(), "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert text.startswith("Uso: ihss")
    assert "Muestra este mensaje y sale." in text
    assert "Idioma de la salida: es (español) o en (English)." in text
    for english in helps:
        assert " ".join(_strings(spanish[english])[0].split())[:40] in text, english
    assert run(*name.split(), "--help").stdout.startswith("Usage: ihss")  # and back


def test_batch_counts_rows_with_plurals(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text("unearned\n1000\n", encoding="utf-8")
    two = tmp_path / "two.csv"
    two.write_text("unearned\n1000\n-5\n", encoding="utf-8")
    assert run("--lang", "es", "batch", str(one)).stderr == (
        "ihss batch: se leen unearned\nihss batch: 1 fila leída, 0 con error\n")  # fmt: skip
    result = run("--lang", "es", "batch", str(two))
    assert (
        result.stderr == "ihss batch: se leen unearned\nihss batch: 2 filas leídas, 1 con error\n"
    )
    row = json.loads(result.stdout.splitlines()[1])
    assert row["error"] == (
        "Valor no válido para 'unearned': '-5' es negativo; las cantidades deben ser 0 o más"
    )
    blank = tmp_path / "blank.csv"
    blank.write_text("id,unearned\na,1000\n,\n", encoding="utf-8")
    result = run("--lang", "es", "batch", str(blank), "--summary")
    assert result.stderr == (
        "ihss batch: se leen unearned; pasan sin cambios id\n"
        "ihss batch: 1 fila leída, 0 con error, 1 fila vacía omitida\n"
        "Resumen de los casos:\n"
        "  1 fila leída; 0 con error; 1 vacías omitidas.\n"
        "  0 pagan una parte del costo en el programa probable: $0.00 al mes en total.\n"
        "  Por programa probable:\n"
        "            1  el programa para Personas Mayores y con Discapacidad según el Nivel "
        "Federal de Pobreza (A&D FPL)\n"
        "  0 filas tienen una advertencia.\n"
    )
    near = tmp_path / "near.csv"
    near.write_text("id,Unearned Income\na,1000\n", encoding="utf-8")
    result = run("--lang", "es", "batch", str(near))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        f"Error: {near}: la columna 'Unearned Income' parece la columna de entrada 'unearned' "
        "pero no está escrita como ella: cámbiele el nombre (--rename "
        "'Unearned Income=unearned') o consérvela como datos (--passthrough 'Unearned Income')\n"
    )


def test_timesheets_speak_spanish() -> None:
    march = ROOT / "tests" / "fixtures" / "readme" / "march.csv"
    args = ("--lang", "es", "timesheets", "check", str(march), "--authorized", "R1=160")
    result = run(*args)
    assert result.exit_code == 1
    assert "Dos proveedores para un beneficiario a la misma hora (avisos)" in result.stdout
    rows = run(*args, "--output-format", "csv").stdout.splitlines()
    assert rows[0].startswith("kind,severity,rows,message,rule,source,")  # codes, as in English
    assert (
        'over_workweek,violation,8 9 10 11 12 13 14,"P2: 70 horas en la semana laboral del '
        '1 de marzo de 2026, 4 por encima de 66, con 30 horas extra",' in "\n".join(rows)
    )


def test_the_worksheet_is_in_spanish(tmp_path: Path) -> None:
    page = tmp_path / "w.html"
    result = run("--lang", "es", *SEED, "--worksheet", str(page))
    assert result.exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert '<html lang="es">' in html
    assert "Hoja de cálculo de la parte del costo (SOC) de IHSS" in html
    assert "Con Medi-Cal con costo compartido pagaría $157.29." in html
    assert "Qué Medi-Cal (junio de 2022)" in html
    assert "del 1 de enero de 2022 al 31 de diciembre de 2022" in html
    assert "Total unearned income" not in html


def test_the_chart_is_labelled_in_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib.figure

    seen: list[str] = []
    save = matplotlib.figure.Figure.savefig

    def spy(figure: matplotlib.figure.Figure, *args: Any, **kwargs: Any) -> None:
        for axes in figure.axes:
            seen.extend([axes.get_title(), axes.get_xlabel(), axes.get_ylabel()])
            legend = axes.get_legend()
            assert legend is not None
            seen.extend(t.get_text() for t in legend.get_texts())
            seen.extend(t.get_text() for t in axes.texts)
        seen.extend(line for t in figure.texts for line in t.get_text().splitlines())
        save(figure, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", spy)
    chart = tmp_path / "c.svg"
    args = ("--lang", "es", "whatif", "--unearned", "1000", "--earned", "0:3000:100")
    assert run(*args, "--chart", str(chart)).exit_code == 0
    assert seen[:3] == [
        "Lo que le queda: persona sola, tarifas de 2022, ingreso no devengado $1,000.00",
        "Ingresos de trabajo al mes",
        "Al mes",
    ]
    assert "Parte del costo" in seen
    assert "1: la parte del costo empieza por encima de $185.43" in seen


def test_english_does_not_load_a_catalog() -> None:
    """Cold start: English reads no catalog, and neither language loads Babel for numbers."""
    code = (
        "import sys; from ihss_calc import i18n; from ihss_calc.cli import cli\n"
        "try:\n    cli.main(sys.argv[1:], prog_name='ihss')\n"
        "except SystemExit:\n    pass\n"
        "print(i18n._translation is None, 'babel' in sys.modules, file=sys.stderr)"
    )
    env = {k: v for k, v in os.environ.items() if k not in i18n.ENVIRONMENT}
    english = subprocess.run([sys.executable, "-c", code, *SEED, "--json"], env=env,
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert english.stderr.split()[-2:] == ["True", "False"]
    spanish = subprocess.run([sys.executable, "-c", code, *SEED, "--json"],
                             env={**env, "LANG": "es_US.UTF-8"},
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert spanish.stderr.split()[-2:] == ["False", "False"]
    assert json.loads(spanish.stdout)["share_of_cost"] == 157.29


def test_the_glossary_names_the_terms_of_rules_11() -> None:
    glossary = (ROOT / "docs" / "glossary-es.md").read_text(encoding="utf-8")
    for term in (
        "Servicios de Apoyo en el Hogar (IHSS)",
        "parte del costo (SOC)",
        "costo compartido (SOC) de Medi-Cal",
        "ingreso contable",
        "ingreso devengado",
    ):
        assert term in glossary  # fmt: skip
    assert "not an official glossary" in glossary


@pytest.mark.parametrize("columns", ["40", "60", "66", "80"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_amount_is_cut_in_either_language(columns: str, lang: str) -> None:
    """Spanish words are longer: the what-if table drops its bars before it cuts an amount."""
    args = ("--lang", lang, "whatif", "--unearned", "1000", "--disability-income", "1000",
            "--earned", "0:3000:250")  # fmt: skip
    whatif = run(*args, env={"COLUMNS": columns}).stdout
    soc = run("--lang", lang, *SEED, env={"COLUMNS": columns}).stdout
    assert "…" not in whatif
    assert "2,750.00" in whatif
    assert "907.29" in whatif  # the share of cost at 2,000.00
    assert "1,197.50" in soc
