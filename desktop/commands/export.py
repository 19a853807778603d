"""`gongwen export FILE [-o OUT.docx] [--profile gongwen|speech|PATH.toml] [--comments]`: a draft to a
laid-out Word file, optionally with the checker's findings as Word comments."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from desktop.core.errors import GongwenError
from desktop.core.export import export_docx, import_draft, load_profile
from desktop.core.export.profile import output_name

log = logging.getLogger(__name__)


def lint_draft(text: str, source: Path | None = None, *, errors_only: bool = False):
    """The draft's open findings as `gongwen lint FILE` finds them (LintResult), or None without a linter.

    Honours the user's lint config, the draft's own ignore list and its level and place. `errors_only` runs only the rules
    whose findings are errors, which is all a count of errors needs.
    """
    try:
        from desktop.core.lint import ALL_RULES, Level, Linter, load_config
        from desktop.core.lint.config import load_suppressions, suppressions_path
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("desktop.core.lint"):
            return None
        raise
    from desktop.core.lint.properties import load_properties

    ignored, properties = [], None
    if source is not None:
        if suppressions_path(source).exists():
            ignored = load_suppressions(suppressions_path(source))
        properties = load_properties(source)  # the level and place the writer set for the draft
    config = load_config()
    rules = ALL_RULES
    if errors_only:
        rules = [r for r in ALL_RULES if config.levels.get(r.code, r.level) is Level.ERROR]
    return Linter(config, rules=rules).lint(text, ignored, properties)


def count_errors(text: str, diagnostics) -> int:
    """Error-level findings, counted as `gongwen lint` reports them (a defect all through the file is one)."""
    from desktop.core.lint import Level
    from desktop.core.lint.report import gather

    return sum(1 for d in gather(text, diagnostics) if d.level is Level.ERROR)


def count_lint_errors(text: str, source: Path | None = None) -> int | None:
    """Error-level findings (placeholders, count mismatches…) as `gongwen lint FILE` reports them."""
    result = lint_draft(text, source, errors_only=True)
    return None if result is None else count_errors(text, result.diagnostics)


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    profile = load_profile(args.profile)
    out = Path(args.output) if args.output else source.with_name(output_name(source.stem, profile))
    if out.suffix.lower() != ".docx":
        raise GongwenError(f"{out.name}：输出文件应以 .docx 结尾")
    if os.path.realpath(source) == os.path.realpath(out):  # realpath, unlike resolve, lets a link loop be
        raise GongwenError(f"{out.name}：输出文件不能与输入文稿是同一个文件，请用 -o 给出另一个文件名")
    draft = import_draft(source)
    for message in draft.warnings:
        print(f"注意：{message}", file=sys.stderr)
    if not draft.text.strip():
        raise GongwenError(f"{source.name}：文稿是空的，没有可导出的内容")
    text = draft.text.replace("\r\n", "\n").replace("\r", "\n")
    # One parse of the draft serves the check and the layout.
    linted = lint_draft(text, source, errors_only=not args.comments)
    remarks = []
    if args.comments and linted is not None:
        from desktop.core.export.comments import remarks_for

        remarks = remarks_for(linted.diagnostics)
    result = export_docx(text, out, profile, outline=linted.outline if linted else None, remarks=remarks)
    for message in result.warnings:
        print(f"注意：{message}", file=sys.stderr)
    errors = count_errors(text, linted.diagnostics) if linted is not None else 0
    if errors:
        print(f"注意：文稿还有 {errors} 处错误级问题（如遗留占位符、条数不符），已照常导出；"
              f"可运行 gongwen lint {source} 查看", file=sys.stderr)
    comments = f"，{result.comments} 条批注" if args.comments else ""
    print(f"已导出：{out}（{result.paragraphs} 段{comments}，版式：{profile.name}）")
    return 0
