"""`gongwen clean FILE... [-o DIR] [--explain]`: corpus files cleaned exactly as an import stores them.

The files named together are cleaned together, as one import: a line recurring across several of them
is a site's chrome (desktop.core.corpus.evidence). Without -o the text goes to standard output (several
files each under a `==> 名称 <==` header); with -o each file is written into DIR under its own name,
as .txt. `--explain` lists every removed piece with the rule that removed it: on standard error when the
text itself goes to standard output, else on standard output. A file that cannot be read is reported
in Chinese, naming it and the reason; the others go on, and the exit code is 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import EXIT_OK, EXIT_USAGE
from desktop.core.corpus.batch import ImportReader
from desktop.core.corpus.document import CleanDocument
from desktop.core.corpus.junk_rules import load_junk_rules
from desktop.core.corpus.removals import explain, summary
from desktop.core.errors import GongwenError, InputError, readable, readable_name
from desktop.core.files import atomic_write_text


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files]
    out_dir = Path(args.output) if args.output else None
    if out_dir is not None:
        _make_folder(out_dir)
    reader = ImportReader(paths).gather()
    failures: list[str] = []
    written: set[Path] = set()
    explanations = sys.stderr if out_dir is None else sys.stdout
    labels = load_junk_rules().labels
    for path in paths:
        try:
            if path.is_dir():
                raise InputError(path, "这是一个文件夹；请列出其中的文件，如 文件夹/*.txt")
            document = reader.read(path)
            if out_dir is None:
                _print_text(document, several=len(paths) > 1)
            else:
                target = _target(out_dir, path, written)
                atomic_write_text(target, document.text + "\n")
                written.add(target)
                # A name that is not UTF-8 is printed in readable form; the file keeps its own name.
                print(f"{readable_name(path)} → {readable(target)}（{summary(document)}）")
        except InputError as exc:
            failures.append(str(exc))
            continue
        if args.explain:
            if out_dir is None:  # with -o, the line naming the written file heads the explanation
                print(f"{readable_name(path)}：{summary(document)}", file=explanations)
            for line in explain(document.removals, labels):
                print(f"  {line}", file=explanations)
    if failures:
        print(f"有 {len(failures)} 个文件未能处理：", file=sys.stderr)
        for message in failures:
            print(f"  {message}", file=sys.stderr)
    return EXIT_USAGE if failures else EXIT_OK


def _print_text(document: CleanDocument, several: bool) -> None:
    if several:
        print(f"==> {readable_name(document.name)} <==")
    print(document.text)
    if several:
        print()
    sys.stdout.flush()  # the text before its explanation on standard error, when both go to a terminal


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GongwenError(f"{readable(folder)}：无法创建输出文件夹（{exc.strerror or exc}）") from exc
    if not folder.is_dir():
        raise GongwenError(f"{readable(folder)}：不是文件夹")


def _target(folder: Path, source: Path, taken: set[Path]) -> Path:
    """讲话.txt → DIR/讲话.txt; 讲话.docx → DIR/讲话.txt, or DIR/讲话.docx.txt when that name is taken by
    another file of this run. Never the source itself."""
    target = folder / f"{source.stem}.txt"
    if target in taken:
        target = folder / f"{source.name}.txt"
    if target.resolve() == source.resolve():
        raise InputError(source, "输出文件就是原文件本身，请指定另一个输出文件夹")
    return target
