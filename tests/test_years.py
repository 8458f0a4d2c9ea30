"""Rates by year: each year's figures as RULES.md gives them, the default year, the
stale-rates warning, a new year's file picked up with no code change, and ``ihss rates``."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from ihss_calc import rates as rates_mod
from ihss_calc.rates import HOUSEHOLD_KINDS, default_year, load_bundled, staleness, years_on_file
from tests.helpers import error_text, run

D = Decimal
FIXTURES = Path(__file__).parent / "fixtures"
YEARS = [2021, 2022, 2023, 2024, 2025, 2026]

# RULES.md §3: individual, couple, blind individual, couple one blind, couple both blind.
LEVELS = {
    2021: ("954.72", "1598.14", "1011.23", "1691.64", "1749.19"),
    2022: ("1040.21", "1765.64", "1110.26", "1881.54", "1952.88"),
    2023: ("1133.73", "1927.62", "1211.00", "2055.47", "2134.14"),
    2024: ("1182.94", "2022.83", "1267.32", "2162.44", "2248.35"),
    2025: ("1206.94", "2057.83", "1291.32", "2197.44", "2283.35"),
    2026: ("1233.94", "2098.83", "1318.32", "2238.44", "2324.35"),
}
FEDERAL = {2021: (794, 1191), 2022: (841, 1261), 2023: (914, 1371), 2024: (943, 1415),
           2025: (967, 1450), 2026: (994, 1491)}  # fmt: skip
# RULES.md §5: 250% FPL a month, individual and couple.
WDP = {
    2021: ("2683.33", "3629.17"),
    2022: ("2831.25", "3814.58"),
    2023: ("3037.50", "4108.33"),
    2024: ("3137.50", "4258.33"),
    2025: ("3260.42", "4406.25"),
    2026: ("3325.00", "4508.33"),
}
THRESHOLDS_1619B = {
    2021: {},
    2022: {"regular": ("54082", "verified"), "blind": ("55439", "verified")},
    2023: {"regular": ("57251", "verified")},
    2024: {},
    2025: {"regular": ("64517", "cross-checked")},
    2026: {"regular": ("66078", "cross-checked"), "blind": ("68103", "cross-checked")},
}


def test_years_on_file() -> None:
    assert list(years_on_file()) == YEARS


@pytest.mark.parametrize("year", YEARS)
def test_payment_levels_match_rules(year: int) -> None:
    rates = load_bundled(year)
    for kind, level in zip(HOUSEHOLD_KINDS, LEVELS[year], strict=True):
        figure = rates.payment_levels[kind]
        federal, state = figure.parts
        assert figure.value == D(level), (year, kind)
        assert federal.value == FEDERAL[year][kind.startswith("couple")], (year, kind)
        assert federal.value + state.value == figure.value
        assert (federal.status, state.status) == ("verified", "derived")


@pytest.mark.parametrize("year", YEARS)
def test_level_statuses_match_rules(year: int) -> None:
    statuses = {k: f.status for k, f in load_bundled(year).payment_levels.items()}
    expected = dict.fromkeys(HOUSEHOLD_KINDS, "cross-checked")
    if year == 2022:
        expected |= {"individual": "verified", "couple": "verified"}
    if year == 2026:  # DHCS ACWDL 25-29; the Department of Rehabilitation, January 2026
        expected |= dict.fromkeys(("individual", "blind_individual", "couple",
                                   "couple_both_blind"), "verified")  # fmt: skip
    assert statuses == expected
    sources = {k: [s.id for s in f.sources] for k, f in load_bundled(year).payment_levels.items()}
    if year == 2026:
        assert "dhcs-acwdl-25-29" in sources["individual"]
        assert "dhcs-acwdl-25-29" in sources["blind_individual"]
        assert "dor-ssn-2026-01" in sources["couple"]
        assert "dor-ssn-2026-01" in sources["couple_both_blind"]


@pytest.mark.parametrize("year", YEARS)
def test_work_incentive_figures_match_rules(year: int) -> None:
    rates = load_bundled(year)
    wdp = rates.wdp_income_limits
    assert (wdp["individual"].value, wdp["couple"].value) == tuple(D(v) for v in WDP[year])
    assert wdp["individual"].status == ("verified" if year == 2023 else "derived")
    assert {k: (str(f.value), f.status) for k, f in rates.thresholds_1619b.items()} == (
        THRESHOLDS_1619B[year]
    )


def test_ssp_parts_unchanged_since_2024() -> None:
    # RULES.md §4: only the federal rate rose in 2025 and 2026.
    parts = {y: [lv.parts[1].value for lv in load_bundled(y).payment_levels.values()]
             for y in (2024, 2025, 2026)}  # fmt: skip
    assert parts[2024] == parts[2025] == parts[2026]
    assert parts[2024] == [D("239.94"), D("607.83"), D("324.32"), D("747.44"), D("833.35")]


@pytest.mark.parametrize(("year", "increase"), [(2022, "1.2395"), (2023, "1.103"), (2024, "1.092")])
def test_ssp_parts_follow_the_state_increases(year: int, increase: str) -> None:
    # RULES.md §4's chain: each SSP part is last year's times the state increase. The published
    # levels differ from the bare arithmetic by up to 1.4 cents (407.14 × 1.2395 = 504.65003,
    # while 504.64 is on file), so this allows two cents: enough to catch a typo.
    before = [lv.parts[1].value for lv in load_bundled(year - 1).payment_levels.values()]
    after = [lv.parts[1].value for lv in load_bundled(year).payment_levels.values()]
    for old, new in zip(before, after, strict=True):
        assert abs(old * D(increase) - new) <= D("0.02"), (year, old, new)


# --- the default year and the warning --------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (dt.date(2026, 11, 24), 2026),
        (dt.date(2026, 1, 1), 2026),
        (dt.date(2025, 12, 31), 2025),
        (dt.date(2027, 3, 1), 2026),  # a year not on file yet: the latest there is
        (dt.date(2031, 1, 1), 2026),
        (dt.date(2019, 6, 1), 2021),  # before every file: the earliest
    ],
)
def test_default_year(today: dt.date, year: int) -> None:
    assert default_year(today, YEARS) == year


@pytest.mark.parametrize(
    ("rates_year", "today", "warning"),
    [
        (2026, dt.date(2026, 11, 24), None),
        (2022, dt.date(2026, 11, 24),
         "these are 2022 rates, but it is 2026: ihss has 2026 rates, used when --year and "
         "--rates are left out."),
        (2026, dt.date(2027, 3, 1),
         "these are 2026 rates: ihss has no 2027 rates yet, and payment levels change every "
         "January. Check for a newer ihss, or pass --rates with 2027 figures."),
        (2026, dt.date(2025, 5, 1),
         "these are 2026 rates, for a year that has not started (it is 2025)."),
    ],
)  # fmt: skip
def test_staleness(rates_year: int, today: dt.date, warning: str | None) -> None:
    assert staleness(rates_year, today, YEARS) == warning


def pin_today(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setattr("ihss_calc.cli.today", lambda: day)


SEED = ("soc", "--unearned", "1000", "--earned", "500")


def test_this_years_rates_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, dt.date(2026, 11, 24))
    table = run(*SEED, env={"COLUMNS": "80"})
    assert table.exit_code == 0
    assert table.stderr == ""
    text = " ".join(table.stdout.split())
    assert "2026 rates from bundled rates_2026.toml" in text
    assert text.startswith(
        "You pay no share of cost for IHSS ($0 a month). Your countable income, $1,197.50, is "
        "not above the SSI/SSP payment level for one person, $1,233.94 (2026 rates)."
    )
    body = json.loads(run(*SEED, "--json").stdout, parse_float=D)
    assert (body["share_of_cost"], body["payment_level"]) == (D("0.00"), D("1233.94"))
    assert body["warnings"] == []


def test_old_year_warns_on_stderr_only(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, dt.date(2026, 11, 24))
    warning = ("these are 2022 rates, but it is 2026: ihss has 2026 rates, used when --year "
               "and --rates are left out.")  # fmt: skip
    result = run(*SEED, "--year", "2022", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stderr) == {"warning": warning}  # JSON Lines on stderr too
    body = json.loads(result.stdout, parse_float=D)  # stdout is one clean JSON document
    assert body["share_of_cost"] == D("157.29")
    assert body["warnings"] == [warning]
    table = run(*SEED, "--year", "2022")
    assert table.stderr == f"Warning: {warning}\n"
    assert "Warning" not in table.stdout


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(
    ("flags", "kind"),
    [
        ((), 0),
        (("--couple",), 1),
        (("--blind",), 2),
        (("--couple", "--spouse-blind"), 3),
        (("--couple", "--blind", "--spouse-blind"), 4),
    ],
)
def test_soc_year_gives_the_level(year: int, flags: tuple[str, ...], kind: int) -> None:
    result = run("soc", "--year", str(year), *flags, "--json")
    assert result.exit_code == 0
    body = json.loads(result.stdout, parse_float=D)
    assert body["payment_level"] == D(LEVELS[year][kind])
    assert body["household"] == HOUSEHOLD_KINDS[kind]
    assert body["rates"]["year"] == body["inputs"]["year"] == year


def test_year_not_on_file() -> None:
    result = run(*SEED, "--year", "2030", "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert error_text(result).endswith(
        "Error: Invalid value for '--year': no rates on file for 2030; years on file: 2021, "
        "2022, 2023, 2024, 2025, 2026\n"
    )


def test_year_must_match_rates_file() -> None:
    path = years_on_file()[2024]
    result = run(*SEED, "--year", "2022", "--rates", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        f"Error: Invalid value for '--year': 2022 does not match the year of {path}, 2024\n"
    )


def test_rates_file_named_for_another_year(tmp_path: Path) -> None:
    path = tmp_path / "rates_2027.toml"
    path.write_text(Path(years_on_file()[2026]).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("rates", "--check", str(path))
    assert result.exit_code == 1
    assert f"  {path}: year: is 2026, but the file is named rates_2027.toml\n" in result.stderr


# --- a new year's file, dropped in --------------------------------------------------------------


@pytest.fixture
def data_with_2027(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled folder as it would be with tests/fixtures/rates_2027.toml dropped in."""
    folder = tmp_path / "data"
    folder.mkdir()
    for path in map(Path, years_on_file().values()):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(FIXTURES / "rates_2027.toml", folder / "rates_2027.toml")
    monkeypatch.setattr(rates_mod, "bundled_folder", lambda: folder)
    return folder


def test_new_year_file_is_picked_up(data_with_2027: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert list(years_on_file()) == [*YEARS, 2027]
    pin_today(monkeypatch, dt.date(2027, 2, 1))
    result = run(*SEED, "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    body = json.loads(result.stdout, parse_float=D)
    assert body["rates"] == {"year": 2027, "file": "bundled rates_2027.toml", "bundled": True}
    assert body["payment_level"] == D("1260.94")


# --- ihss rates ---------------------------------------------------------------------------------


def test_rates_table_2024() -> None:
    result = run("rates", "--year", "2024", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    out = result.stdout
    assert "IHSS rates for 2024 from bundled rates_2024.toml" in out
    assert "1,182.94" in out
    for amount in ("2,022.83", "1,267.32", "2,162.44", "2,248.35", "943.00", "239.94",
                   "3,137.50", "4,258.33", "20.00", "65.00", "0.5", "ROUND_HALF_DOWN"):  # fmt: skip
        assert amount in out
    assert "cross-checked" in out
    assert "https://www.ssa.gov/oact/cola/SSIamts.html" in out
    assert "SSA Office of the Chief Actuary, SSI Federal Payment Amounts" in out
    assert "No 1619(b) threshold was found for 2024; none is shown." in out
    assert result.stderr == (
        "Warning: these are 2024 rates, for a year that has not started (it is 2022).\n"
    )


def test_rates_json_2024() -> None:
    result = run("rates", "--year", "2024", "--json")
    body = json.loads(result.stdout, parse_float=D)
    individual = body["payment_levels"]["individual"]
    assert individual["value"] == D("1182.94")
    assert individual["status"] == "cross-checked"
    assert [p["value"] for p in individual["parts"]] == [D("943.00"), D("239.94")]
    assert {"title", "url"} <= individual["sources"][0].keys()
    assert body["exclusions"]["general"]["value"] == D("20.00")
    assert body["rounding"]["mode"] == "ROUND_HALF_DOWN"
    assert body["work_incentives"]["wdp_income_limit"]["couple"]["value"] == D("4258.33")
    assert body["work_incentives"]["threshold_1619b"] == {}
    assert body["year"] == 2024
    assert len(body["warnings"]) == 1


def test_rates_check_valid() -> None:
    path = FIXTURES / "rates_2027.toml"
    result = run("rates", "--check", str(path))
    assert result.exit_code == 0
    assert result.stdout == (
        f"{path}: valid rates for 2027 (2027-01-01 to 2027-12-31): 39 figures, 22 verified, "
        "7 cross-checked, 10 derived.\n"
    )
    body = json.loads(run("rates", "--check", str(path), "--json").stdout)
    assert body == {
        "file": str(path),
        "valid": True,
        "year": 2027,
        "figures": 39,
        "statuses": {"verified": 22, "cross-checked": 7, "derived": 10},
    }


def test_rates_check_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "rates_2027.toml"
    text = (FIXTURES / "rates_2027.toml").read_text(encoding="utf-8")
    path.write_text(
        text.replace("value = 1260.94", "value = 1260.95").replace(
            'ROUND_HALF_DOWN"\nstatus = "derived"', 'ROUND_HALF_DOWN"\nstatus = "guess"'
        ),
        encoding="utf-8",
    )  # fmt: skip
    result = run("rates", "--check", str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: rates file {path} is not valid (2 problems):\n"
        f"  {path}: payment_levels.individual: federal 1,021.00 + state 239.94 = 1,260.94, "
        "not the level 1,260.95\n"
        f"  {path}: rounding.status: Input should be 'verified', 'cross-checked' or 'derived'\n"
    )


def test_rates_check_with_year_is_a_usage_error() -> None:
    result = run("rates", "--check", str(FIXTURES / "rates_2027.toml"), "--year", "2027")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "Error: --check takes the year from the file; leave out --year.\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("value = 1260.94", "value = 1260.95",
         "payment_levels.individual: federal 1,021.00 + state 239.94 = 1,260.94, not the level "
         "1,260.95"),
        ("value = 20.00", "value = -20.00",
         "exclusions.general.value: Input should be greater than or equal to 0"),
        ("[rounding]", "[roundings]", "rounding: Field required"),
    ],
)  # fmt: skip
def test_broken_bundled_file_is_checked_in_full(
    data_with_2027: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, problem: str
) -> None:
    path = data_with_2027 / "rates_2027.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    pin_today(monkeypatch, dt.date(2027, 2, 1))
    result = run(*SEED, "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert f"  bundled rates_2027.toml: {problem}\n" in error_text(result)


def test_a_rates_file_path_is_shown_as_written(tmp_path: Path) -> None:
    # Not read as console markup: "[bold]" in a folder's name is no style tag.
    folder = tmp_path / "[bold]x[red]"
    folder.mkdir()
    path = folder / "rates_2022.toml"
    path.write_text(Path(years_on_file()[2022]).read_text(encoding="utf-8"), encoding="utf-8")
    result = run(*SEED, "--rates", str(path), env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    assert "[bold]x[red]" in result.stdout  # the title says where the figures came from


def test_2026_ssdi_work_figures_are_verified_with_their_sources() -> None:
    ssdi = load_bundled(2026).ssdi
    assert {k: (f.value, f.status) for k, f in ssdi.items()} == {
        "trial_work": (D("1210.00"), "verified"),
        "sga": (D("1690.00"), "verified"),
        "sga_blind": (D("2830.00"), "verified"),
    }
    for figure in ssdi.values():
        assert "dor-ssn-2026-01" in [s.id for s in figure.sources]


@pytest.mark.parametrize(
    ("year", "twp", "sga", "blind"),
    [(2021, "940", "1310", "2190"), (2022, "970", "1350", "2260"), (2023, "1050", "1470", "2460"),
     (2024, "1110", "1550", "2590"), (2025, "1160", "1620", "2700"),
     (2026, "1210", "1690", "2830")],
)  # fmt: skip
def test_ssdi_work_figures_match_rules_13(year: int, twp: str, sga: str, blind: str) -> None:
    ssdi = load_bundled(year).ssdi
    assert (ssdi["trial_work"].value, ssdi["sga"].value, ssdi["sga_blind"].value) == (
        D(twp), D(sga), D(blind))  # fmt: skip
    assert all(f.status == "verified" and f.sources for f in ssdi.values())


@pytest.mark.parametrize(
    ("year", "monthly", "yearly"),
    [(2021, "1930.00", "7770"), (2022, "2040.00", "8230"), (2023, "2220.00", "8950"),
     (2024, "2290.00", "9230"), (2025, "2350.00", "9460"), (2026, "2410.00", "9730")],
)  # fmt: skip
def test_student_earned_income_exclusion_by_year(year: int, monthly: str, yearly: str) -> None:
    rates = load_bundled(year)
    assert rates.student_exclusion is not None
    assert rates.student_exclusion_yearly is not None
    assert rates.student_exclusion.value == D(monthly)
    assert rates.student_exclusion_yearly.value == D(yearly)
    assert rates.student_exclusion_yearly.status == "verified"
    assert rates.student_exclusion.status == ("cross-checked" if year == 2026 else "verified")
