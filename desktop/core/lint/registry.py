"""Every rule, in code order."""

from __future__ import annotations

from desktop.core.lint.model import Rule
from desktop.core.lint.rules import content, numbering, punctuation, speech, terms

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted((*numbering.RULES, *punctuation.RULES, *content.RULES, *speech.RULES, *terms.RULES), key=lambda r: r.code)
)
RULES_BY_CODE = {rule.code: rule for rule in ALL_RULES}
