"""The parsed copy of each bundled rates file (ihss_calc.rates_cache): the same Rates as a
fresh parse, used only while the file's text is unchanged, and never a reason to fail."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ihss_calc import rates as rates_mod
from ihss_calc import rates_cache
from ihss_calc.rates import load_bundled, parse, years_on_file

YEARS = list(years_on_file())


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of this test's own, and no Rates remembered in the process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rates_mod._bundled.cache_clear()
    yield tmp_path / "ihss"
    rates_mod._bundled.cache_clear()


def no_tomllib(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed the TOML again")

    monkeypatch.setattr(tomllib, "loads", refuse)


@pytest.mark.parametrize("year", YEARS)
def test_kept_copy_gives_the_same_rates_as_the_file(
    year: int, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = Path(years_on_file()[year]).read_text(encoding="utf-8")
    fresh = parse(text, f"bundled rates_{year}.toml", name=f"rates_{year}.toml", bundled=True)
    assert load_bundled(year) == fresh  # parsed, and kept
    assert (cache / f"rates_{year}.toml.marshal").is_file()
    rates_mod._bundled.cache_clear()
    no_tomllib(monkeypatch)
    kept = load_bundled(year)  # from the copy
    assert kept == fresh
    assert kept.payment_levels["individual"].value == fresh.payment_levels["individual"].value
    assert str(kept.general_exclusion.value) == str(fresh.general_exclusion.value)  # "20.00"
    assert kept.effective_from == fresh.effective_from


def test_a_copy_of_other_text_is_not_used(cache: Path) -> None:
    load_bundled(2026)
    path = cache / "rates_2026.toml.marshal"
    form, text, doc = marshal.loads(path.read_bytes())
    doc["payment_levels"]["individual"]["value"] = ("D", "9999.99")
    path.write_bytes(marshal.dumps((form, text.replace("2026", "2062", 1), doc)))
    rates_mod._bundled.cache_clear()
    assert load_bundled(2026).payment_levels["individual"].value != 9999  # parsed again
    assert marshal.loads(path.read_bytes())[1] == text  # and kept again


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps((99, "x", {})),
                                     marshal.dumps(("D", 1))])  # fmt: skip
def test_a_damaged_copy_is_parsed_again(cache: Path, content: bytes) -> None:
    expected = load_bundled(2025)
    (cache / "rates_2025.toml.marshal").write_bytes(content)
    rates_mod._bundled.cache_clear()
    assert load_bundled(2025) == expected


def test_a_cache_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    rates_mod._bundled.cache_clear()
    assert load_bundled(2024).year == 2024
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert list(tmp_path.iterdir()) == [blocker]  # no part file left behind


def test_no_home_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    assert rates_cache.folder() is None
    rates_mod._bundled.cache_clear()
    assert load_bundled(2023).year == 2023


def test_only_what_a_rates_file_holds_is_kept() -> None:
    with pytest.raises(ValueError, match="float"):
        rates_cache._encode({"value": 1.5})


def test_second_run_reads_the_copy_and_not_tomllib(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    probe = (
        "import sys; from ihss_calc.cli import cli\n"
        "try:\n    cli(['soc', '--unearned', '1000', '--year', '2026', '--json'])\n"
        "except SystemExit:\n    pass\n"
        "print('tomllib' in sys.modules, file=sys.stderr)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True, env=env) for _ in range(2)]  # fmt: skip
    assert [r.stderr.split()[-1] for r in runs] == ["True", "False"]
    assert runs[0].stdout == runs[1].stdout
    assert json.loads(runs[1].stdout)["share_of_cost"] == 0
    assert (tmp_path / "ihss" / "rates_2026.toml.marshal").is_file()
