"""The Python API: the same answers as the command line, exact money, clear type errors."""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import ihss_calc
from ihss_calc import api
from ihss_calc.jsonout import dumps, result_dict

from .helpers import run

README = Path(__file__).parent.parent / "README.md"


def test_the_issue_example_prints_157_29_in_a_fresh_interpreter() -> None:
    code = (
        "import ihss_calc; "
        "print(ihss_calc.share_of_cost(unearned='1000', earned='500', year=2022).share_of_cost)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "157.29\n"


def test_importing_the_package_loads_no_rules() -> None:
    code = "import sys, ihss_calc; print('ihss_calc.api' in sys.modules, ihss_calc.__version__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "False"


def test_a_float_is_a_type_error_that_says_why() -> None:
    with pytest.raises(TypeError, match=r"^earned must be a Decimal or a str, not float: money is"):
        ihss_calc.share_of_cost(unearned="1000", earned=500.0, year=2022)
    with pytest.raises(TypeError, match=r"child_incomes\[1\] must be a Decimal or a str, not fl"):
        ihss_calc.household(children=2, child_incomes=["600", 0.5])


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"couple": "yes"}, TypeError, "couple must be True or False, not str"),
        ({"children": "2"}, TypeError, "children must be a whole number, not str"),
        ({"children": 31}, ValueError, "children: 31 is not between 0 and 30"),
        ({"medi_cal": "gold"}, ValueError, "medi_cal must be one of: ssi, magi"),
        ({"unearned": "-5"}, ValueError, "unearned: '-5' is negative"),
        ({"unearned": Decimal("NaN")}, ValueError, "unearned: NaN is not an amount"),
        ({"uneared": "5"}, TypeError, "unexpected field 'uneared'"),
        ({"bwe": "10"}, ValueError, "bwe"),  # the rules' own check: blind work expenses
        ({"child_incomes": "600"}, TypeError, "child_incomes must be a list of amounts"),
    ],
)
def test_wrong_values_name_the_field(
    fields: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        ihss_calc.household(**fields)


def test_money_may_be_text_as_the_command_line_takes_it_or_a_whole_number() -> None:
    h = ihss_calc.household(unearned="$1,000.50", earned=500, irwe=Decimal("10"))
    assert (h.unearned, h.earned, h.irwe) == (Decimal("1000.50"), Decimal(500), Decimal(10))


def test_the_api_and_soc_json_give_the_same_object() -> None:
    got = ihss_calc.share_of_cost(
        unearned="800", spouse_earned="3000", children=1, year=2025, month=5
    )
    cli = run("soc", "--unearned", "800", "--spouse-earned", "3000", "--children", "1",
              "--year", "2025", "--month", "5", "--json")  # fmt: skip
    assert cli.exit_code == 0, cli.stderr
    expected = json.loads(cli.stdout)
    expected["warnings"] = []  # the command line's own: the tests' today is in 2022
    assert json.loads(dumps(result_dict(got, warnings=[]))) == expected


def test_a_household_or_its_fields_not_both() -> None:
    h = ihss_calc.household(unearned="1000")
    assert ihss_calc.share_of_cost(h, year=2022).share_of_cost == Decimal("0")
    with pytest.raises(TypeError, match="not both"):
        ihss_calc.share_of_cost(h, earned="5", year=2022)


def test_rates_and_years() -> None:
    rates = ihss_calc.load_rates(2024)
    assert rates.year == 2024
    result = ihss_calc.share_of_cost(unearned="1000", earned="500", rates=rates)
    assert result.rates is rates
    with pytest.raises(ValueError, match="no rates on file for 1999; years on file: 2021"):
        ihss_calc.load_rates(1999)
    with pytest.raises(ValueError, match="does not match"):
        ihss_calc.share_of_cost(unearned="1", rates=rates, year=2023)


def test_screen_programs_gives_the_placement_of_soc() -> None:
    found = ihss_calc.screen_programs(unearned="1500", age=70, medicare=True, year=2026, month=5)
    result = ihss_calc.share_of_cost(unearned="1500", age=70, medicare=True, year=2026, month=5)
    assert found.placement == result.placement
    assert [s.program for s in found.screens] == [s.program for s in result.programs]


def test_what_if_gives_whatif_json_points() -> None:
    w = ihss_calc.what_if(unearned="1000", earnings=["0", "500", "1000"], year=2022)
    assert [p.share_of_cost for p in w.points] == [Decimal(0), Decimal("157.29"), Decimal("407.29")]
    cli = run("whatif", "--unearned", "1000", "--earned", "0,500,1000", "--year", "2022", "--json")
    assert [p["share_of_cost"] for p in json.loads(cli.stdout)["points"]] == [0, 157.29, 407.29]
    with pytest.raises(TypeError, match="not float"):
        ihss_calc.what_if(unearned="1000", earnings=[0.5], year=2022)  # type: ignore[list-item]


def test_check_timesheets_reads_a_file(tmp_path: Path) -> None:
    visits = tmp_path / "march.csv"
    visits.write_text(
        "provider,recipient,date,start,end\n"
        "P1,R1,2026-03-02,09:00,12:00\n"
        "P2,R1,2026-03-02,11:00,13:00\n",
        encoding="utf-8",
    )
    checked = ihss_calc.check_timesheets(visits, authorized={"R1": "160"}, year=2026)
    assert checked.visits == 2
    assert [(f.kind, f.severity, f.rows) for f in checked.findings] == [
        ("overlap_providers", "warning", (2, 3))
    ]
    with pytest.raises(TypeError, match="not float"):
        ihss_calc.check_timesheets(visits, authorized={"R1": 160.0}, year=2026)  # type: ignore[dict-item]


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute 'shares_of_cost'"):
        _ = ihss_calc.shares_of_cost


def test_the_readme_python_examples_run() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"^```pycon\n(.*?)^```$", text, re.M | re.S)
    assert blocks, "the README has a Python section with pycon examples"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    session: dict[str, object] = {}  # one reader's session: later blocks use earlier names
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, session, f"README-{number}", str(README), 0)
        runner.run(test, clear_globs=False)
        session.update(test.globs)
    assert runner.failures == 0
    assert runner.tries >= 5


def test_the_api_module_docstring_runs() -> None:
    failures, tries = doctest.testmod(api)
    assert (failures, tries > 0) == (0, True)


def test_py_typed_is_in_the_package() -> None:
    assert (Path(ihss_calc.__file__).parent / "py.typed").is_file()


def test_the_package_exports_the_api() -> None:
    assert set(ihss_calc.__all__) - {"__version__"} == set(api.__all__)
    for name in api.__all__:
        assert getattr(ihss_calc, name) is getattr(api, name)
