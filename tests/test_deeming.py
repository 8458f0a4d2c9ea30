"""A spouse who is not aged, blind or disabled: deeming (RULES.md §8), through the rules core
and the command line. Expected figures are worked by hand in the comments, from RULES.md."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ihss_calc.rates import Rates, load_bundled
from ihss_calc.rules import Household, max_earned_without_soc, share_at_earnings, share_of_cost
from ihss_calc.rules.deeming import deem
from tests.helpers import run

R2026 = load_bundled(2026)


def soc_json(*args: str) -> dict[str, Any]:
    result = run("soc", "--year", "2026", *args, "--json")  # a later --year wins
    assert result.exit_code == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout, parse_float=D)
    return body


def test_allocation_amount_is_a_rates_figure_every_year() -> None:
    # The federal couple rate less the individual rate (RULES.md §8), status derived.
    expected = {2021: 397, 2022: 420, 2023: 457, 2024: 472, 2025: 483, 2026: 497}
    for year, amount in expected.items():
        figure = load_bundled(year).deeming_allocation
        assert figure.value == amount
        assert figure.status == "derived"
        assert figure.sources


def test_working_spouse_is_deemed_against_the_couple_level() -> None:
    # Own: 800 − 20 = 780 < 1,233.94 → 0. With the spouse: unearned 780; earned
    # (3,000 − 65) / 2 = 1,467.50; total 2,247.50 − couple 2,098.83 = 148.67.
    body = soc_json("--unearned", "800", "--spouse-earned", "3000")
    assert body["share_of_cost"] == D("148.67")
    assert body["total_countable_income"] == D("2247.50")
    assert body["payment_level"] == D("2098.83")
    assert body["household"] == "individual"
    deeming = body["deeming"]
    assert isinstance(deeming, dict)
    assert deeming["deemed"] is True
    assert deeming["decided_by"] == "with_spouse"
    assert deeming["own"]["share_of_cost"] == D("0.00")
    assert deeming["with_spouse"]["household"] == "couple"
    assert deeming["spouse_income_left"] == D("3000.00")
    ids = [s["id"] for s in body["steps"]]
    for step in ("own_total_countable_income", "own_share_of_cost", "spouse_earned",
                 "child_allocations", "spouse_income_left", "deeming_threshold",
                 "deemed_total_countable_income", "deemed_payment_level",
                 "deemed_share_of_cost", "computed_share_of_cost"):  # fmt: skip
        assert step in ids
    for step in body["steps"]:
        assert step["rule"]
        assert step["source"]
    notes = " ".join(body["notes"])
    assert "county's SOC 294A Part B worksheet may differ" in notes
    assert "$864.89" in notes  # 2,098.83 − 1,233.94, the level difference IHSS might use


def test_the_table_shows_every_deeming_step() -> None:
    result = run("soc", "--year", "2026", "--unearned", "800", "--spouse-earned", "3000",
                 env={"COLUMNS": "160"})  # fmt: skip
    assert result.exit_code == 0
    out = result.stdout
    for label in ("Share of cost on your own income", "Spouse's earned income",
                  "Spouse's income left", "Deeming threshold: the allocation amount",
                  "Share of cost with your spouse's income",
                  "Share of cost: the larger of the two", "SSA Handbook §2168.4",
                  "20 CFR 416.1163"):  # fmt: skip
        assert label in out
    assert "$148.67" in out


@pytest.mark.parametrize(
    ("spouse", "deemed"),
    [("497", False), ("497.01", True), ("0", False), ("400", False)],
)
def test_threshold_is_more_than_the_allocation_amount(spouse: str, deemed: bool) -> None:
    body = soc_json("--unearned", "1200", "--spouse-unearned", spouse)
    deeming = body["deeming"]
    assert isinstance(deeming, dict)
    assert deeming["deemed"] is deemed
    if not deemed:
        # Nothing deemed: the individual share, 1,180 − 1,233.94 → 0.
        assert body["share_of_cost"] == D("0.00")
        assert deeming["with_spouse"] is None
        assert body["payment_level"] == D("1233.94")


def test_child_allocations_come_off_unearned_first_then_earned() -> None:
    # Two children, the first with 100 of their own: (497 − 100) + 497 = 894; 300 from
    # unearned, 594 from earned; left: earned 1,406. Combined: unearned 1,000 − 20 = 980;
    # earned (1,406 − 65)/2
    # = 670.50; total 1,650.50 against the couple level 2,098.83 → 0.
    body = soc_json("--unearned", "1000", "--spouse-unearned", "300", "--spouse-earned",
                    "2000", "--children", "2", "--child-income", "100")  # fmt: skip
    d = body["deeming"]
    assert isinstance(d, dict)
    assert (d["child_allocations"], d["allocations_from_unearned"],
            d["allocations_from_earned"]) == (D("894.00"), D("300.00"), D("594.00"))  # fmt: skip
    assert (d["spouse_unearned_left"], d["spouse_earned_left"]) == (D("0.00"), D("1406.00"))
    assert d["with_spouse"]["total_countable_income"] == D("1650.50")
    assert body["share_of_cost"] == D("0.00")


def test_allocations_can_leave_nothing_to_deem() -> None:
    # 1 child: 497 off the spouse's 900 leaves 403, not more than 497: nothing deemed.
    body = soc_json("--unearned", "1300", "--spouse-earned", "900", "--children", "1")
    d = body["deeming"]
    assert isinstance(d, dict)
    assert d["deemed"] is False
    assert d["spouse_income_left"] == D("403.00")
    assert body["share_of_cost"] == D("46.06")  # 1,280 − 1,233.94, the individual share


def test_spouse_ihss_wages_are_not_counted() -> None:
    # 2,000 earned, 1,800 of it IHSS wages for the recipient: 200 left, nothing deemed.
    body = soc_json("--unearned", "800", "--spouse-earned", "2000", "--spouse-ihss-wages", "1800")
    d = body["deeming"]
    assert isinstance(d, dict)
    assert d["spouse_earned_counted"] == D("200.00")
    assert d["deemed"] is False


def test_blind_recipient_uses_the_one_blind_couple_level() -> None:
    # Own (blind individual, 1,318.32): 980 + (200 − 65) / 2 − 15 BWE = 1,032.50 → 0.
    # With the spouse (couple, one blind, 2,238.44): earned 200 + 2,500 = 2,700;
    # (2,700 − 65) / 2 − 15 = 1,302.50; + 980 = 2,282.50; − 2,238.44 = 44.06.
    body = soc_json("--unearned", "1000", "--earned", "200", "--blind", "--bwe", "15",
                    "--spouse-earned", "2500")  # fmt: skip
    d = body["deeming"]
    assert isinstance(d, dict)
    assert d["own"]["household"] == "blind_individual"
    assert d["with_spouse"]["household"] == "couple_one_blind"
    assert d["with_spouse"]["total_countable_income"] == D("2282.50")
    assert body["share_of_cost"] == D("44.06")


def test_deeming_never_lowers_the_share_of_cost() -> None:
    # Own: 3,000 − 20 − 1,233.94 = 1,746.06. With the spouse's 600: 3,580 − 2,098.83 = 1,481.17.
    body = soc_json("--unearned", "3000", "--spouse-unearned", "600")
    d = body["deeming"]
    assert isinstance(d, dict)
    assert d["deemed"] is True
    assert d["decided_by"] == "own"
    assert d["with_spouse"]["share_of_cost"] == D("1481.17")
    assert body["share_of_cost"] == D("1746.06")
    assert body["payment_level"] == D("1233.94")


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("--couple", "--spouse-earned", "5"), ("'--spouse-earned'", "--couple")),
        (("--couple", "--spouse-unearned", "5"), ("'--spouse-unearned'", "--couple")),
        (("--children", "2"), ("'--children'", "--spouse-earned")),
        (("--child-income", "50", "--spouse-earned", "1"), ("'--child-income'", "--children")),
        (
            (
                "--spouse-earned",
                "1",
                "--children",
                "1",
                "--child-income",
                "1",
                "--child-income",
                "2",
            ),
            ("'--child-income'", "--children"),
        ),
        (
            ("--children", "1", "--child-income", "1", "--child-income", "2"),
            ("'--child-income'", "--children"),
        ),
        (
            (
                "--spouse-earned",
                "1",
                "--children",
                "1",
                "--child-student-earnings",
                "1",
                "--child-student-earnings",
                "2",
            ),
            ("'--child-student-earnings'", "--children"),
        ),
        (("--spouse-earned", "100", "--spouse-ihss-wages", "200"), ("'--spouse-ihss-wages'",)),
        (("--spouse-ihss-wages", "200"), ("'--spouse-ihss-wages'", "--spouse-unearned")),
        (("--spouse-earned", "1", "--children", "31"), ("'--children'",)),
    ],
)
def test_usage_errors_name_the_options(args: tuple[str, ...], names: tuple[str, ...]) -> None:
    result = run("soc", "--unearned", "800", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    for name in names:
        assert name in result.stderr


def reference_share(h: Household, rates: Rates, earned: D) -> D:
    """RULES.md §8 written out again, plainly, to check the rules core against."""

    def countable(unearned: D, earned: D) -> D:
        g_u = min(unearned, D(20))
        g_e = min(earned, D(20) - g_u)
        left = max(earned - g_e - D(65) - h.irwe, D(0))
        return unearned - g_u + max(left / 2 - h.bwe, D(0))

    def share(total: D, kind: str) -> D:
        above = max(total - rates.payment_levels[kind].value, D(0))
        return above.quantize(D("0.01"), rounding="ROUND_HALF_DOWN")

    own = share(countable(h.unearned, earned), h.kind)
    alloc = rates.deeming_allocation.value
    spouse_e = (h.spouse_earned or D(0)) - h.spouse_ihss_wages
    spouse_u = h.spouse_unearned or D(0)
    seie = rates.student_exclusion.value if rates.student_exclusion else D(0)
    incomes = list(h.child_incomes) + [D(0)] * (h.children - len(h.child_incomes))
    students = list(h.child_student_earnings) + [D(0)] * (
        h.children - len(h.child_student_earnings)
    )
    allocations = sum(
        (max(alloc - (i + s - min(s, seie)), D(0)) for i, s in zip(incomes, students, strict=True)),
        D(0),
    )
    off_u = min(allocations, spouse_u)
    off_e = min(allocations - off_u, spouse_e)
    left_u, left_e = spouse_u - off_u, spouse_e - off_e
    if left_u + left_e <= alloc:
        return own
    kind = "couple_one_blind" if h.blind else "couple"
    return max(own, share(countable(h.unearned + left_u, earned + left_e), kind))


money = st.decimals(min_value=0, max_value=6000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def kids(draw: st.DrawFn) -> tuple[int, tuple[D, ...], tuple[D, ...]]:
    """Children, some incomes for them (fewer than the children, or as many), and some
    student earnings; amounts around the allocation amount, where the answers turn."""
    children = draw(st.integers(0, 4))
    near = st.one_of(money, st.decimals(min_value=400, max_value=600, places=2))
    incomes = tuple(draw(st.lists(near, max_size=children)))
    students = tuple(draw(st.lists(st.one_of(near, money), max_size=children)))
    return children, incomes, students


@settings(max_examples=300, deadline=None)
@given(unearned=money, earned=money, spouse_e=money, spouse_u=money, wages=money,
       family=kids(), blind=st.booleans())  # fmt: skip
def test_rules_core_matches_rules_md(
    unearned: D, earned: D, spouse_e: D, spouse_u: D, wages: D,
    family: tuple[int, tuple[D, ...], tuple[D, ...]], blind: bool,
) -> None:  # fmt: skip
    children, incomes, students = family
    h = Household(unearned=unearned, earned=earned, blind=blind, spouse_earned=spouse_e,
                  spouse_unearned=spouse_u, spouse_ihss_wages=min(wages, spouse_e),
                  children=children, child_incomes=incomes,
                  child_student_earnings=students)  # fmt: skip
    result = share_of_cost(h, R2026)
    assert result.computed_share_of_cost == reference_share(h, R2026, earned)
    assert (
        result.share_of_cost
        >= share_of_cost(
            Household(unearned=unearned, earned=earned, blind=blind), R2026
        ).share_of_cost
    )


@settings(max_examples=60, deadline=None)
@given(unearned=money, spouse_e=money, children=st.integers(0, 3))
def test_headroom_with_deeming_is_exact(unearned: D, spouse_e: D, children: int) -> None:
    h = Household(unearned=unearned, spouse_earned=spouse_e, children=children)
    top = max_earned_without_soc(h, R2026)
    if top is None:
        assert share_at_earnings(h, R2026, D(0)) > 0
        return
    assert share_at_earnings(h, R2026, top) == 0
    assert share_at_earnings(h, R2026, top + D("0.01")) > 0


def test_whatif_takes_the_spouse_the_same_way() -> None:
    # At 0: 148.67 (above). At 100: earned 3,100 → (3,035)/2 + 780 = 2,297.50 − 2,098.83.
    result = run("whatif", "--year", "2026", "--unearned", "800", "--spouse-earned", "3000",
                 "--earned", "0:100:100", "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout, parse_float=D)
    assert [p["share_of_cost"] for p in body["points"]] == [D("148.67"), D("198.67")]
    assert body["max_earned_without_soc"] is None
    assert body["wdp"] is None  # not modeled with a spouse who is not disabled
    assert body["inputs"]["spouse_earned"] == D("3000.00")


@settings(max_examples=300, deadline=None)
@given(family=kids(), spouse_e=money)
def test_per_child_allocations_are_bounded_and_agree_with_the_total_when_none_is_over(
    family: tuple[int, tuple[D, ...], tuple[D, ...]], spouse_e: D,
) -> None:  # fmt: skip
    children, incomes, _students = family
    h = Household(spouse_earned=spouse_e, children=children, child_incomes=incomes)
    d = deem(h, R2026)
    assert d is not None
    alloc = R2026.deeming_allocation.value
    assert len(d.allocations) == children
    assert all(D(0) <= a <= alloc for a in d.allocations)
    assert d.child_allocations == sum(d.allocations, D(0)) <= children * alloc
    if all(i <= alloc for i in incomes):  # no child over: the old total-based figure
        assert d.child_allocations == max(alloc * children - sum(incomes, D(0)), D(0))


def test_one_childs_income_over_the_allocation_does_not_eat_the_others() -> None:
    # docs/rules.md §8 step 3, 2026: SSDI 800, the spouse earns 1,100, one child has 600 of
    # dependents' benefits, the other none: allocations 0 + 497; 1,100 − 497 = 603 deemed;
    # 780 + (603 − 65) ÷ 2 = 1,049.00 (a total-based 2 × 497 − 600 would give 1,100.50).
    body = soc_json("--year", "2026", "--unearned", "800", "--spouse-earned", "1100",
                    "--children", "2", "--child-income", "600", "--child-income", "0")  # fmt: skip
    d = body["deeming"]
    assert d["allocations_by_child"] == [D("0.00"), D("497.00")]
    assert d["child_allocations"] == D("497.00")
    assert d["child_incomes"] == [D("600.00"), D("0.00")]
    assert d["with_spouse"]["total_countable_income"] == D("1049.00")
    assert body["schema_version"] == 2
    table = run(
        "soc",
        "--year",
        "2026",
        "--unearned",
        "800",
        "--spouse-earned",
        "1100",
        "--children",
        "2",
        "--child-income",
        "600",
        "--child-income",
        "0",
    ).stdout
    flat = " ".join(table.split())
    assert "Allocation for child 1 │ 0.00 │ $497.00 − own income $600.00, not below 0" in flat
    assert "Allocation for child 2 │ 497.00 │ $497.00 − own income $0.00, not below 0" in flat


def test_the_2025_case_deems_nothing() -> None:
    # 483 − 1,272.02 → 0; 483 − 457.33 = 25.67; 508.67 − 25.67 = 483.00, not more than 483.
    body = soc_json("--year", "2025", "--unearned", "507.01", "--spouse-earned", "508.67",
                    "--children", "2", "--child-income", "1272.02", "--child-income",
                    "457.33")  # fmt: skip
    d = body["deeming"]
    assert d["allocations_by_child"] == [D("0.00"), D("25.67")]
    assert d["spouse_income_left"] == D("483.00")
    assert d["deemed"] is False
    assert d["with_spouse"] is None
    assert body["total_countable_income"] == D("487.01")
    assert body["share_of_cost"] == D("0.00")


@pytest.mark.parametrize(
    ("students", "allocations"),
    [
        # 2026: the exclusion is 2,410 a month: 1,000 of a student's earnings reduce nothing.
        (("1000", "0"), ["497.00", "497.00"]),
        # 2,600: 190 over the exclusion counts: 497 − 190 = 307.
        (("2600",), ["307.00", "497.00"]),
    ],
)
def test_a_student_childs_earnings_up_to_the_exclusion_do_not_reduce_the_allocation(
    students: tuple[str, ...], allocations: list[str]
) -> None:
    args = ["--year", "2026", "--unearned", "800", "--spouse-earned", "3000", "--children", "2"]
    for amount in students:
        args += ["--child-student-earnings", amount]
    body = soc_json(*args)
    assert body["deeming"]["allocations_by_child"] == [D(a) for a in allocations]
    assert body["deeming"]["student_exclusion"]["value"] == D("2410.00")
    assert any("POMS SI 01320.185" in note for note in body["notes"])


def test_three_children_two_over_the_allocation() -> None:
    # 2024, allocation 472: 472 − 900 → 0; 472 − 500 → 0; 472 − 100 = 372. Spouse unearned
    # 200 and earned 1,500: 200 off unearned, 172 off earned; 1,328 left, more than 472.
    body = soc_json("--year", "2024", "--unearned", "700", "--spouse-unearned", "200",
                    "--spouse-earned", "1500", "--children", "3", "--child-income", "900",
                    "--child-income", "500", "--child-income", "100")  # fmt: skip
    d = body["deeming"]
    assert d["allocations_by_child"] == [D("0.00"), D("0.00"), D("372.00")]
    assert (d["allocations_from_unearned"], d["allocations_from_earned"]) == (
        D("200.00"), D("172.00"))  # fmt: skip
    # 680 + (1,328 − 65) ÷ 2 = 1,311.50 against the 2024 couple level 2,022.83: no share.
    assert d["with_spouse"]["total_countable_income"] == D("1311.50")
