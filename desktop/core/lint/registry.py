"""Every rule, in code order."""

from __future__ import annotations

from desktop.core.lint.model import Rule
from desktop.core.lint.rules import banned, content, formulations, leaders, numbering, numbers, punctuation, speech, terms

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted((*numbering.RULES, *punctuation.RULES, *numbers.RULES, *content.RULES, *speech.RULES, *terms.RULES, *formulations.RULES, *banned.RULES, *leaders.RULES), key=lambda r: r.code)
)
RULES_BY_CODE = {rule.code: rule for rule in ALL_RULES}
