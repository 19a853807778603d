"""`gongwen export FILE -o OUT.docx [--profile gongwen|speech|PATH.toml]`: a draft to a laid-out Word file."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from desktop.core.errors import GongwenError
from desktop.core.export import export_docx, import_draft, load_profile

log = logging.getLogger(__name__)


def count_lint_errors(text: str, source: Path | None = None) -> int | None:
    """Error-level findings (placeholders, count mismatches…) as `gongwen lint FILE` reports them.

    Honours the user's lint config and the draft's own ignore list; None when no linter is present.
    """
    try:
        from desktop.core.lint import Level, Linter, load_config
        from desktop.core.lint.config import load_suppressions, suppressions_path
        from desktop.core.lint.report import gather
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("desktop.core.lint"):
            return None
        raise
    ignored = []
    if source is not None and suppressions_path(source).exists():
        ignored = load_suppressions(suppressions_path(source))
    found = Linter(load_config()).lint(text, ignored).diagnostics
    return sum(1 for d in gather(text, found) if d.level is Level.ERROR)


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    out = Path(args.output)
    if out.suffix.lower() != ".docx":
        raise GongwenError(f"{out.name}：输出文件应以 .docx 结尾")
    if os.path.realpath(source) == os.path.realpath(out):  # realpath, unlike resolve, lets a link loop be
        raise GongwenError(f"{out.name}：输出文件不能与输入文稿是同一个文件")
    profile = load_profile(args.profile)
    draft = import_draft(source)
    for message in draft.warnings:
        print(f"注意：{message}", file=sys.stderr)
    if not draft.text.strip():
        raise GongwenError(f"{source.name}：文稿是空的，没有可导出的内容")
    result = export_docx(draft.text, out, profile)
    for message in result.warnings:
        print(f"注意：{message}", file=sys.stderr)
    errors = count_lint_errors(draft.text, source)
    if errors:
        print(f"注意：文稿还有 {errors} 处错误级问题（如遗留占位符、条数不符），已照常导出；"
              f"可运行 gongwen lint {source} 查看", file=sys.stderr)
    print(f"已导出：{out}（{result.paragraphs} 段，版式：{profile.name}）")
    return 0
