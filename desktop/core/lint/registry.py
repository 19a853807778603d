"""Every rule, in code order."""

from __future__ import annotations

from desktop.core.lint.model import Rule
from desktop.core.lint.rules import (
    banned,
    content,
    elements,
    formulations,
    leaders,
    numbering,
    numbers,
    place,
    punctuation,
    speech,
    terms,
)

_FAMILIES = (
    numbering, punctuation, numbers, content, speech, terms, formulations, banned, leaders, place, elements,
)
ALL_RULES: tuple[Rule, ...] = tuple(sorted((r for f in _FAMILIES for r in f.RULES), key=lambda r: r.code))
RULES_BY_CODE = {rule.code: rule for rule in ALL_RULES}
