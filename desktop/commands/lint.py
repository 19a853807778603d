"""`gongwen lint FILE...`: check drafts, print findings as text or JSON, optionally apply safe fixes."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from desktop.core.corpus import DecodedText, read_text_file
from desktop.core.errors import GongwenError, InputError
from desktop.core.export import import_draft
from desktop.core.files import atomic_write_bytes
from desktop.core.lint import Level, Linter, apply_fixes, load_config, parse_codes
from desktop.core.lint.config import LintConfig, load_suppressions, suppressions_path
from desktop.core.lint.corpus_index import BankSentenceIndex, SentenceIndex
from desktop.core.lint.properties import LEVELS, DraftProperties, load_properties
from desktop.core.lint.report import Positions, dumps, format_text, gather, to_json_obj

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def read_draft(path: Path) -> tuple[str, DecodedText | None]:
    if not path.exists():
        raise InputError(path, "文件不存在")
    if path.is_dir():
        raise InputError(path, "这是一个文件夹，请给出文稿文件")
    if path.suffix.lower() in (".docx", ".doc", ".wps"):
        # Read as the writer sees it: Word's automatic numbering becomes the markers it displays.
        return import_draft(path).text, None
    decoded = read_text_file(path)
    return decoded.text, decoded


def write_back(path: Path, text: str, decoded: DecodedText, original: bytes) -> None:
    """Write `text` in the file's own encoding, line endings and BOM, atomically; refuse if the file
    changed on disk since it was read."""
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"无法再次读取文件（{exc.strerror or exc}）") from exc
    if current != original:
        raise InputError(path, "文件在检查期间被修改过，未写入修正；请重新运行")
    try:
        data = decoded.encode(text)
    except UnicodeEncodeError as exc:
        raise InputError(path, f"修正后的文字无法用原编码 {decoded.encoding} 保存（{exc.reason}）") from exc
    atomic_write_bytes(path, data)


def open_corpus_index(bank: str | None):
    """GW306 needs the corpus sentences: a phrase bank file (its sentence index), or a corpus file or
    folder read into memory."""
    if not bank:
        return None
    path = Path(bank)
    if not path.exists():
        raise InputError(path, "素材库文件或语料文件夹不存在")
    if path.is_file() and path.suffix.lower() not in (".txt",):
        try:
            from desktop.core.bank.store import PhraseBank  # the phrase bank's own reader
        except ImportError:
            raise InputError(path, "此版本不含素材库，请改给语料文件或文件夹") from None
        return BankSentenceIndex(PhraseBank.open(path, readonly=True))
    index = SentenceIndex()
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    for file in files:
        index.add_document(file.name, read_text_file(file).text)
    return index


def _config(args: argparse.Namespace) -> LintConfig:
    config = load_config()
    select, ignore = parse_codes(args.select), parse_codes(args.ignore)
    from desktop.core.lint import RULES_BY_CODE

    for code in (select or frozenset()) | (ignore or frozenset()):
        if not any(rule.startswith(code) for rule in RULES_BY_CODE):
            raise GongwenError(f"没有规则代码“{code}”（可用 GW101～GW501，也可写前缀如 GW2）")
    return config.with_codes(select, ignore)


def _properties(args: argparse.Namespace, path: Path) -> DraftProperties:
    """The draft's level and place: given on the command line, else kept beside the draft by the window."""
    level = getattr(args, "level", None)
    if level and level not in LEVELS:
        raise GongwenError(f"层级“{level}”无效（可用 {' '.join(LEVELS)}）")
    kept = load_properties(path)
    return DraftProperties(level or kept.level, getattr(args, "place", None) or kept.place)


def run(args: argparse.Namespace) -> int:
    linter = Linter(_config(args), open_corpus_index(getattr(args, "bank", None)))
    failed = False
    worst = None
    json_out: list[dict] = []
    for name in args.files:
        path = Path(name)
        try:
            text, decoded = read_draft(path)
            original = path.read_bytes()
            sidecar = suppressions_path(path)
            ignored = load_suppressions(sidecar) if sidecar.exists() else []
            properties = _properties(args, path)
            if args.fix:
                if decoded is None:
                    raise InputError(path, "不能直接修正 Word 文档；请在编辑器中打开修正，或另存为 .txt 后再用 --fix")
                result = linter.lint(text, ignored, properties)
                fixed, applied = apply_fixes(text, result.diagnostics)
                if applied:
                    write_back(path, fixed, decoded, original)
                    print(f"{name}：已自动修正 {len(applied)} 项", file=sys.stderr)
                    text = fixed
        except GongwenError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            failed = True
            continue
        diagnostics = gather(text, linter.lint(text, ignored, properties).diagnostics)
        positions = Positions(text)
        for d in diagnostics:
            if worst is None or d.level.rank > worst.rank:
                worst = d.level
            if args.format == "json":
                json_out.append(to_json_obj(name, text, d, positions))
            else:
                print(format_text(name, d, positions))
    if args.format == "json":
        print(dumps(json_out))
    if failed:
        return EXIT_USAGE
    return EXIT_FINDINGS if worst is not None and worst.rank >= Level.WARNING.rank else EXIT_OK
