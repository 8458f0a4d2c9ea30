"""The built wheel carries the rates files; the program finds them without the repository."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("ihss_calc-*.whl")
    return built


def test_wheel_contains_every_rates_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = sorted(p.name for p in (ROOT / "data").glob("rates_*.toml"))
    assert data
    for name in data:
        assert f"ihss_calc/data/{name}" in names
    assert "ihss_calc/rules/__init__.py" in names
    assert "ihss_calc/rules/deeming.py" in names
    assert not any(n.startswith(("tests/", "data/")) for n in names)


def test_wheel_declares_the_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        (entry_points,) = [n for n in zf.namelist() if n.endswith("entry_points.txt")]
        assert "ihss = ihss_calc.cli:cli" in zf.read(entry_points).decode()


def test_wheel_carries_the_compiled_spanish_catalog(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ihss_calc/locale/es/LC_MESSAGES/ihss.mo" in names
    with zipfile.ZipFile(wheel) as zf:
        mo = zf.read("ihss_calc/locale/es/LC_MESSAGES/ihss.mo")
    assert mo == (ROOT / "src/ihss_calc/locale/es/LC_MESSAGES/ihss.mo").read_bytes()


def test_wheel_carries_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ihss_calc/py.typed" in names


def test_wheel_carries_the_json_schemas(wheel: Path) -> None:
    from ihss_calc.output_schemas import MODELS, schema_text

    with zipfile.ZipFile(wheel) as zf:
        for command in MODELS:
            shipped = zf.read(f"ihss_calc/schemas/{command}.schema.json").decode("utf-8")
            assert shipped == schema_text(command)
