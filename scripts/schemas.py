"""Write the JSON Schemas of every output from their one description (ihss_calc.output_schemas)
to the package (shipped in the wheel, printed by ``ihss schema``) and to docs/schemas/.

    python scripts/schemas.py          write them
    python scripts/schemas.py --check  exit 1 if any file differs from what the models give
"""

from __future__ import annotations

import sys
from pathlib import Path

from ihss_calc.output_schemas import MODELS, schema_text

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "src" / "ihss_calc" / "schemas", ROOT / "docs" / "schemas")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for folder in FOLDERS:
        folder.mkdir(parents=True, exist_ok=True)
        for command in MODELS:
            path = folder / f"{command}.schema.json"
            text = schema_text(command)
            if path.exists() and path.read_text(encoding="utf-8") == text:
                continue
            if check:
                stale.append(path)
            else:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"{path.relative_to(ROOT)} differs from its model: run python scripts/schemas.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
