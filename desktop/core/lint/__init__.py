"""The structure linter: rules with codes, levels, messages and fixes over the parsed outline."""

from desktop.core.lint.config import LintConfig, Suppression, load_config, parse_codes
from desktop.core.lint.corpus_index import BankSentenceIndex, SentenceIndex
from desktop.core.lint.engine import Linter, LintResult, lint_text
from desktop.core.lint.fixes import apply_fixes, choose_fixes
from desktop.core.lint.model import CorpusIndex, Diagnostic, Edit, Fix, Level, Rule
from desktop.core.lint.registry import ALL_RULES, RULES_BY_CODE

__all__ = [
    "ALL_RULES", "RULES_BY_CODE", "BankSentenceIndex", "CorpusIndex", "Diagnostic", "Edit", "Fix", "Level", "LintConfig", "LintResult",
    "Linter", "Rule", "SentenceIndex", "Suppression", "apply_fixes", "choose_fixes", "lint_text", "load_config",
    "parse_codes",
]
