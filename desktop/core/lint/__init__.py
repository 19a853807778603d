"""The structure linter: rules with codes, levels, messages and fixes over the parsed outline."""

from desktop.core.lazy import lazy_exports

_EXPORTS = {
    "LintConfig": "config",
    "Suppression": "config",
    "load_config": "config",
    "parse_codes": "config",
    "BankSentenceIndex": "corpus_index",
    "SentenceIndex": "corpus_index",
    "Linter": "engine",
    "LintResult": "engine",
    "lint_text": "engine",
    "apply_fixes": "fixes",
    "choose_fixes": "fixes",
    "CorpusIndex": "model",
    "Diagnostic": "model",
    "Edit": "model",
    "Fix": "model",
    "Level": "model",
    "Rule": "model",
    "ALL_RULES": "registry",
    "RULES_BY_CODE": "registry",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
