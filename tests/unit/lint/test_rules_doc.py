"""docs/RULES.md is generated from the rules; the committed file must be current."""

from desktop.core.lint import ALL_RULES
from desktop.core.lint.docs import render_rules_markdown
from tests.conftest import REPO_ROOT


def test_committed_rules_page_is_current():
    committed = (REPO_ROOT / "docs" / "RULES.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), "docs/RULES.md is stale: run python scripts/gen_rules_doc.py"


def test_rules_page_lists_every_rule_with_an_example():
    page = render_rules_markdown()
    for rule in ALL_RULES:
        assert f"## {rule.code} {rule.name}" in page
        assert rule.examples[0].bad.split("\n")[0] in page
