"""The JSON path stays light: no rich, no pydantic, when `ihss soc --json` runs with the
bundled rates. (How fast it starts is measured by benchmarks/startup.py, not here.)"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from ihss_calc.cli import cli
try:
    cli([{args}], prog_name="ihss")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_loaded(*args: str) -> set[str]:
    code = PROBE.format(args=", ".join(repr(a) for a in args))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in {"rich", "pydantic", "pydantic_core"}}


def test_json_path_loads_neither_rich_nor_pydantic() -> None:
    loaded = modules_loaded("soc", "--unearned", "1000", "--earned", "500", "--json")
    assert "ihss_calc.rules" in loaded
    assert heavy(loaded) == set()


def test_table_path_loads_rich_but_not_pydantic() -> None:
    loaded = modules_loaded("soc", "--unearned", "1000", "--earned", "500")
    assert "rich.table" in loaded
    assert not {m for m in heavy(loaded) if not m.startswith("rich")}


def test_a_rates_file_is_checked_with_pydantic() -> None:
    from ihss_calc.rates import years_on_file

    path = str(years_on_file()[2022])
    loaded = modules_loaded("soc", "--rates", path, "--json")
    assert "ihss_calc.schema" in loaded
    assert "pydantic" in loaded
