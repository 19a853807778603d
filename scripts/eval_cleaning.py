"""Measure the corpus cleaner on the development corpus: junk left and real sentences kept.

    python scripts/eval_cleaning.py [--devcorpus DIR] [--files 02,06,...] [--verbose] [--json]

web/ (30 web copies, every piece of junk marked in junk.tsv) is cleaned as one import would clean it
(files together, so evidence across files counts) and scored as devcorpus/README.md says:
- junk left: rows of kind junk_line, junk_inline, truncation or url (2 characters or more) whose text,
  normalised, still stands in the normalised cleaned text of its file;
- real sentences kept: each file less its '# source' line, junk spans cut out, split at 。！？； and line
  ends, pieces of 8+ characters with Chinese in them: the share found in the normalised cleaned text.
Normalised: whitespace removed, half-width , ; : ? ( ) ! made full-width.

provincial_2026/ (25 work reports copied from web pages) is cleaned as one import too and checked for
page chrome left (a site's controls, information fields and photo credits, listed here by hand) and for
body paragraphs lost (raw lines of 30+ characters that end a sentence and are missing from the output);
--verbose shows the first lines of each cleaned report to read.

The corpus text is read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.core.corpus.batch import clean_texts  # noqa: E402

DEFAULT_DEVCORPUS = Path(os.environ.get("GONGWEN_DEVCORPUS", REPO.parent / "shared" / "devcorpus"))
JUNK_KINDS = frozenset({"junk_line", "junk_inline", "truncation", "url"})
_WIDEN = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "(": "（", ")": "）", "!": "！"})
_WHITESPACE = re.compile(r"\s+")
_PIECE_SPLIT = re.compile(r"[。！？；\n]")
_CHINESE = re.compile(r"[\u3400-\u9fff]")


def normalise(text: str) -> str:
    return _WHITESPACE.sub("", text).translate(_WIDEN)


@dataclass
class JunkRow:
    file: str
    line: int
    text: str
    kind: str


@dataclass
class FileScore:
    name: str
    junk: int = 0
    junk_left: list[str] = field(default_factory=list)
    sentences: int = 0
    sentences_lost: list[str] = field(default_factory=list)


def read_junk_rows(web: Path) -> list[JunkRow]:
    with (web / "junk.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [JunkRow(r["file"], int(r["line"]), r["exact_text"], r["kind"]) for r in reader]


def real_sentences(raw: str, junk: list[JunkRow]) -> list[str]:
    """The file's real sentences: junk spans cut out of their lines, then split into pieces."""
    lines = raw.split("\n")
    for row in sorted(junk, key=lambda r: -len(r.text)):  # longer spans first: a short one may sit inside
        index = row.line - 1
        if 0 <= index < len(lines):
            lines[index] = lines[index].replace(row.text, "\n")
    body = "\n".join(lines[1:])  # less the '# source' line
    pieces = (normalise(piece) for piece in _PIECE_SPLIT.split(body))
    return [piece for piece in pieces if len(piece) >= 8 and _CHINESE.search(piece)]


def score_web(web: Path, only: set[str] | None = None) -> list[FileScore]:
    rows = read_junk_rows(web)
    files = sorted(path for path in web.glob("*.txt"))
    if only:
        files = [path for path in files if path.name[:2] in only]
    raws = {path.name: path.read_text(encoding="utf-8") for path in files}
    # The '# source' line is the corpus's own annotation, not part of the page.
    pages = {name: raw.split("\n", 1)[1] if "\n" in raw else "" for name, raw in raws.items()}
    cleaned = clean_texts(pages)
    scores = []
    for name, raw in raws.items():
        text = normalise("\n".join(cleaned[name].paragraphs))
        mine = [row for row in rows if row.file == name]
        junk = [row for row in mine if row.kind in JUNK_KINDS and len(normalise(row.text)) >= 2]
        score = FileScore(name, junk=len(junk))
        score.junk_left = [row.text for row in junk if normalise(row.text) in text]
        removable = [row for row in mine if row.kind in JUNK_KINDS]
        sentences = real_sentences(raw, removable)
        score.sentences = len(sentences)
        score.sentences_lost = [s for s in sentences if s not in text]
        scores.append(score)
    return scores


@dataclass
class ReportCheck:
    name: str
    chrome_left: list[str]
    paragraphs_lost: list[str]
    first_lines: list[str]


# What a reader of these pages calls their chrome: the controls, information fields and credits of a
# news or government site, judged by hand on the raw reports (not taken from the cleaner's rules).
_CONTROLS = frozenset("下载 打印 全屏 收藏 加大 还原 减小 大 中 小 首页 > 分享 扫一扫在手机打开当前页 关闭窗口 打印本页 【 】".split())
_FIELDS = re.compile(r"^(?:来源|时间|发表时间|阅读量|【?字号|【?字体|当前位置|责任编辑|相关报道|相关附件|相关链接|分享)\s*[:：>]")
_CREDIT = re.compile(r"记者\s*\S{1,5}(?:\s\S{1,3})?\s*摄?$")


def _chrome(line: str) -> bool:
    return line in _CONTROLS or bool(_FIELDS.match(line)) or bool(_CREDIT.search(line))


def check_provincial(folder: Path) -> list[ReportCheck]:
    files = sorted(folder.glob("*.txt"))
    raws = {path.name: path.read_text(encoding="utf-8") for path in files}
    cleaned = clean_texts(raws)
    checks = []
    for name, raw in raws.items():
        paragraphs = cleaned[name].paragraphs
        text = normalise("\n".join(paragraphs))
        body = [normalise(line) for line in raw.split("\n") if len(line.strip()) >= 30 and line.strip()[-1] in "。！？"]
        lost = [line for line in body if line not in text]
        chrome = [line for line in paragraphs if _chrome(line)]
        checks.append(ReportCheck(name, chrome, lost, paragraphs[:6]))
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devcorpus", type=Path, default=DEFAULT_DEVCORPUS)
    parser.add_argument("--files", help="only these web files, by their two-digit number: 02,06,…")
    parser.add_argument("--verbose", action="store_true", help="list each piece of junk left and sentence lost")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.devcorpus / "web" / "junk.tsv").is_file():
        print(f"the development corpus is missing: {args.devcorpus}", file=sys.stderr)
        return 2
    only = set(args.files.split(",")) if args.files else None
    scores = score_web(args.devcorpus / "web", only)
    junk = sum(s.junk for s in scores)
    left = sum(len(s.junk_left) for s in scores)
    sentences = sum(s.sentences for s in scores)
    kept = sentences - sum(len(s.sentences_lost) for s in scores)
    reports = [] if only else check_provincial(args.devcorpus / "provincial_2026")
    result = {
        "web": {
            "files": len(scores),
            "junk": junk,
            "junk_left": left,
            "junk_left_share": left / junk if junk else 0.0,
            "sentences": sentences,
            "sentences_kept": kept,
            "sentences_kept_share": kept / sentences if sentences else 1.0,
            "per_file": {
                s.name: {"junk": s.junk, "junk_left": s.junk_left, "sentences": s.sentences,
                         "sentences_lost": s.sentences_lost}
                for s in scores
            },
        },
        "provincial": {
            "reports": len(reports),
            "with_chrome_left": sum(1 for r in reports if r.chrome_left),
            "with_paragraphs_lost": sum(1 for r in reports if r.paragraphs_lost),
            "per_report": {r.name: {"chrome_left": r.chrome_left, "paragraphs_lost": r.paragraphs_lost}
                           for r in reports},
        },
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for s in scores:
        print(f"{s.name:55} junk left {len(s.junk_left):2}/{s.junk:<3} sentences lost {len(s.sentences_lost):2}/{s.sentences}")
        if args.verbose:
            for text in s.junk_left:
                print(f"    junk left: {text[:100]}")
            for text in s.sentences_lost:
                print(f"    lost:      {text[:100]}")
    print(f"web: junk left {left}/{junk} = {left / junk:.1%}; real sentences kept {kept}/{sentences} = {kept / sentences:.1%}")
    if reports:
        for r in reports:
            if r.chrome_left or r.paragraphs_lost or args.verbose:
                print(f"{r.name:20} chrome left {r.chrome_left}  paragraphs lost {len(r.paragraphs_lost)}")
                for text in r.paragraphs_lost[: 3 if not args.verbose else None]:
                    print(f"    lost: {text[:80]}")
                if args.verbose:
                    print(f"    starts: {r.first_lines}")
        print(
            f"provincial: {len(reports)} reports, chrome left in {result['provincial']['with_chrome_left']}, "
            f"body paragraphs lost in {result['provincial']['with_paragraphs_lost']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
