"""Write docs/RULES.md from the rules' own docs: `python scripts/gen_rules_doc.py`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.lint.docs import render_rules_markdown


def main() -> int:
    target = ROOT / "docs" / "RULES.md"
    target.write_text(render_rules_markdown(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
