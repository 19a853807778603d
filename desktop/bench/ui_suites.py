"""The suites whose measured part is Qt: the phrase widgets and the window on a long draft.

This process prepares the inputs (a bank, the cases, a data folder) and reads the figures back; the
widgets run in an offscreen child (desktop.bench.phrases_probe, desktop.bench.window_probe), which
measures each figure and its baseline side by side.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from desktop.bench.measure import Measurement
from desktop.bench.qt_child import run_qt_child
from desktop.bench.workloads import big_draft, corpus_paragraphs, draft_text, synthetic_phrases

FRAME_MS = 1000 / 60  # what the GUI thread may spend on one keystroke before a frame is late
FRAME_TARGET = "≤ 16.7 ms（一帧）"
FAVOURITES = 5


def _phrase_bank(size: int, workdir: Path) -> Path:
    """A bank of `size` synthetic phrases with a few favourites; the bank suite's file when it ran."""
    from desktop.bench.suites import build_bench_bank
    from desktop.core.bank.store import PhraseBank
    from desktop.core.bank.user_phrases import UserPhrases

    path = workdir / f"phrases-{size}.sqlite"
    shared = workdir / f"bank-{size}.sqlite"
    phrases = synthetic_phrases(size)
    if shared.exists():  # the favourites are written to a copy: the bank suite's file stays as measured
        shutil.copyfile(shared, path)
    else:
        build_bench_bank(path, phrases)
    with PhraseBank.open(path) as bank:
        users = UserPhrases(bank)
        for phrase in phrases[:: max(size // FAVOURITES, 1)][:FAVOURITES]:
            users.set_favourite(phrase.text, phrase.kind, True)
    return path


def _phrase_cases(size: int, bank: Path, repeat: int) -> dict:
    phrases = synthetic_phrases(size)
    paragraph = next(p for p in corpus_paragraphs().paragraphs if 60 <= len(p) <= 200 and "，" in p[8:])
    head = paragraph[: paragraph.index("，", 8) + 1]  # a clause typed, the cursor after its comma
    four = next(p for p in phrases[size // 2 :] if len(p.initials) >= 4)
    two = next(p for p in phrases[size // 3 :] if p.kind == "idiom")
    begun = phrases[size // 4]
    return {
        "bank": str(bank),
        "repeat": repeat,
        "paragraph": paragraph,
        "draft": draft_text(6_000),  # marks 已用 against a draft of some ten pages
        "panel": [
            ["related", "related", ""],
            ["initials", "related", four.initials[:4]],
            ["letter", "related", four.initials[:1]],
            ["idiom_two_chars", "idiom", two.text[:2]],
            ["favourites", "favourites", ""],
        ],
        "popup": [
            ["begun", head + begun.text[:2]],
            ["parallel", head + "早审批、"],
            ["context", head],  # last: the letters case filters this one
        ],
    }


_PANEL_LABELS = {
    "related": "素材面板·相关（按光标所在段落）",
    "initials": "素材面板·相关，首字母 {query}",
    "letter": "素材面板·相关，一个字母 {query}",
    "idiom_two_chars": "素材面板·四字格，两个字 {query}",
    "favourites": f"素材面板·收藏（{FAVOURITES} 条）",
}
_POPUP_LABELS = {
    "begun": "补全框：已输入词头 → {mode}",
    # The synthetic phrases hold no 、-runs: this is the longest way, every begun item tried, then context.
    "parallel": "补全框：排比项“早审批、”后，库中无此排比 → {mode}",
    "context": "补全框：逗号后 → {mode}",
    "letters": "补全框：再输入首字母 {letter}，候选中没有 → 查素材库",
}
_MODES = {"parallel": "排比", "begun": "补全词头", "context": "按段落推荐"}


def bench_phrases(bank_size: int, repeat: int, workdir: Path) -> list[Measurement]:
    bank = _phrase_bank(bank_size, workdir)
    cases = _phrase_cases(bank_size, bank, repeat)
    spec = workdir / "phrases-cases.json"
    spec.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    found = run_qt_child("desktop.bench.phrases_probe", [str(spec)], workdir / "phrases-data")
    queries = {key: query for key, _category, query in cases["panel"]}
    out = [Measurement("phrases.bank_size", "素材面板与补全框所用素材库", bank_size, "条")]
    for widget, labels in (("panel", _PANEL_LABELS), ("popup", _POPUP_LABELS)):
        popup = widget == "popup"  # in the GUI thread: judged against a frame
        for name, label in labels.items():
            r = found[f"{widget}.{name}"]
            ms = r["value"] * 1000
            text = label.format(query=queries.get(name, ""), mode=_MODES.get(r.get("mode", ""), ""),
                                letter=r.get("letter", ""))
            text += f" @{bank_size:,}" + ("" if popup else f"，{r['rows']} 行")
            out.append(
                Measurement(
                    f"phrases.{widget}.{name}_ms", text, ms, "ms", r["baseline"] * 1000,
                    f"同样的素材库查询直接调用（{r['queries']} 次）", FRAME_TARGET if popup else "",
                    ms <= FRAME_MS if popup else None,
                )
            )  # fmt: skip
    return out


def bench_window(parts: int, repeat: int, keystrokes: int, workdir: Path) -> list[Measurement]:
    folder = workdir / "window"
    folder.mkdir(exist_ok=True)
    args = ["--parts", str(parts), "--repeat", str(repeat), "--typing", str(keystrokes)]
    found = run_qt_child("desktop.bench.window_probe", [*args, "--workdir", str(folder)], folder / "data")
    r = {k: v * 1000 if isinstance(v, float) else v for k, v in found.items()}  # seconds to ms
    bare = "空白 QPlainTextEdit"
    drafted = f"长稿（{r['headings']} 个标题，{r['findings']} 处问题）"
    return [
        Measurement("window.draft_chars", drafted, r["chars"], "字"),
        Measurement("window.check_full_ms", "长稿全文检查（窗口的检查线程）", r["check_full"], "ms",
                    r["check_core"], "只运行检查引擎"),
        Measurement("window.check_edit_ms", "长稿改一个字后重新检查", r["check_edit"], "ms",
                    r["check_full"], "全文检查"),
        Measurement("window.open_ms", "打开长稿到首次绘制", r["open"], "ms",
                    r["open_bare"], f"{bare} 载入同样文字并绘制"),
        Measurement("window.apply_ms", "检查结果放进窗口（波浪线、检查页、大纲、着色）", r["apply"], "ms",
                    r["apply_bare"], f"{bare} 画同样的波浪线"),
        Measurement("window.typing_ms", "长稿中间输入一个字（中位数）", r["typing"], "ms",
                    r["typing_bare"], f"{bare} 同样输入", FRAME_TARGET, r["typing"] <= FRAME_MS),
        Measurement("window.typing_slowest_ms", "长稿中间输入一个字（最慢）", r["typing_max"], "ms",
                    r["typing_bare_max"], f"{bare} 同样输入（最慢）"),
    ]  # fmt: skip


BIG_TYPING_MS, BIG_SLOWEST_MS, BIG_PEAK_MB = 50, 200, 600  # the targets for the 5 MB draft


def bench_big_draft(chars: int, keystrokes: int, press_f7: bool, workdir: Path) -> list[Measurement]:
    """Typing in a very large draft 5 s after opening it: the window beside a bare editor, each in its own
    process so that each peak memory is its own."""
    folder = workdir / "big"
    folder.mkdir(exist_ok=True)
    draft = folder / "大稿.txt"
    text = big_draft(chars)
    draft.write_text(text, encoding="utf-8")
    size_mb = len(text.encode("utf-8")) / 1e6
    args = ["--draft", str(draft), "--typing", str(keystrokes), "--settled"]
    f7 = ["--f7"] if press_f7 else []
    r = run_qt_child("desktop.bench.big_draft_probe", [*args, *f7], folder / "data")
    bare = run_qt_child("desktop.bench.big_draft_probe", [*args, "--bare"], folder / "bare-data")
    ms = {k: v * 1000 for k, v in r.items() if k not in ("peak_mb", "findings", "f7_only", "worker_busy")}
    bare_ms = {k: v * 1000 for k, v in bare.items() if k != "peak_mb"}
    same = "空白 QPlainTextEdit 同样输入"
    mode = "按 F7 检查" if r["f7_only"] else "边写边检查"
    out = [
        Measurement("window.big_chars", f"大稿（{size_mb:.1f} MB，{mode}）", len(text), "字符"),
        Measurement("window.big_open_ms", "打开大稿到首次绘制", ms["open"], "ms",
                    bare_ms["open"], "空白 QPlainTextEdit 载入同样文字并绘制"),
        Measurement("window.big_typing_ms", "打开 5 秒后在大稿中间输入一个字（中位数）"
                    + ("，其间后台仍在解析大纲" if r.get("worker_busy") else ""), ms["typing"], "ms",
                    bare_ms["typing"], same, f"< {BIG_TYPING_MS} ms", ms["typing"] < BIG_TYPING_MS),
        Measurement("window.big_typing_slowest_ms", "打开 5 秒后在大稿中间输入一个字（最慢）", ms["typing_max"],
                    "ms", bare_ms["typing_max"], f"{same}（最慢）", f"< {BIG_SLOWEST_MS} ms",
                    ms["typing_max"] < BIG_SLOWEST_MS),
        Measurement("window.big_peak_mb", "窗口打开大稿并输入后的内存峰值" + ("（含按 F7 之后）" if press_f7 else ""),
                    r["peak_mb"], "MB", bare["peak_mb"], "空白 QPlainTextEdit 载入同样文字并输入",
                    f"< {BIG_PEAK_MB} MB", r["peak_mb"] < BIG_PEAK_MB),
    ]
    if press_f7:
        out += [
            Measurement("window.big_f7_s", f"大稿按 F7 到 {r['findings']:,} 处问题显示完", r["f7"], "s"),
            Measurement("window.big_typing_f7_ms", "问题显示后在大稿中间输入一个字（中位数）", ms["typing_f7"],
                        "ms", bare_ms["typing"], same),
            Measurement("window.big_typing_f7_slowest_ms", "问题显示后在大稿中间输入一个字（最慢）",
                        ms["typing_f7_max"], "ms", bare_ms["typing_max"], f"{same}（最慢）"),
        ]
    after = "按 F7 之后、" if press_f7 else ""
    out += [
        Measurement("window.big_typing_settled_ms", f"{after}后台无事时在大稿中间输入一个字（中位数）",
                    ms["typing_settled"], "ms", bare_ms["typing_settled"], same),
        Measurement("window.big_cpu_per_keystroke_ms", f"{after}一次按键到窗口再次空闲所耗 CPU",
                    ms["cpu_per_keystroke"], "ms", bare_ms["cpu_per_keystroke"], "空白 QPlainTextEdit 同样一次按键"),
    ]
    return out  # fmt: skip


IMPORT_TARGET_S = 20  # the development corpus (68 reports, 1.4 million characters) through the window


def import_corpus(files: int, workdir: Path) -> tuple[list[Path], str]:
    """The files the import is measured on: the reports of the development corpus when it is beside the
    repository (../shared/devcorpus, or GONGWEN_DEVCORPUS), else as many documents of the bundled
    speeches' paragraphs, recombined to the same size."""
    import os

    from desktop.bench.workloads import corpus_documents

    beside = Path(__file__).resolve().parents[3] / "shared" / "devcorpus"
    root = Path(os.environ.get("GONGWEN_DEVCORPUS", beside))
    found = sorted((root / "national").glob("*.txt")) + sorted((root / "provincial_2026").glob("*.txt"))
    if len(found) >= files:
        return found[:files], "开发语料"
    folder = workdir / "import-corpus"
    folder.mkdir(exist_ok=True)
    made = []
    for number, text in enumerate(corpus_documents(files * 62_000, doc_chars=20_600)[:files], 1):
        made.append(folder / f"{number:03d}.txt")
        made[-1].write_text(f"在第{number}次工作会议上的讲话\n{text}\n", encoding="utf-8")
    return made, "内置语料段落拼成"


def bench_import(files: int, workdir: Path) -> list[Measurement]:
    """The window's corpus import (the 语料 → 导入 dialog, offscreen) beside reading, cleaning and mining the
    same files without a bank."""
    folder = workdir / "import"
    folder.mkdir(exist_ok=True)
    corpus, source = import_corpus(files, workdir)
    spec = folder / "files.json"
    spec.write_text(json.dumps([str(p) for p in corpus], ensure_ascii=False), encoding="utf-8")
    r = run_qt_child("desktop.bench.import_probe", [str(spec), str(folder / "bank.sqlite")], folder / "data")
    what = f"{r['files']} 篇，{r['chars'] / 10_000:.0f} 万字，{source}"
    return [
        Measurement("import.window_s", f"窗口“语料 → 导入”（{what}）到报告显示", r["seconds"], "s",
                    r["baseline"], "读取、清理并挖掘同样的文件（不写素材库）",
                    f"< {IMPORT_TARGET_S} s", r["seconds"] < IMPORT_TARGET_S),
        Measurement("import.window_cpu_s", "同上，进程 CPU 时间", r["cpu"], "s", r["baseline_cpu"],
                    "读取、清理并挖掘同样的文件（CPU）"),
        Measurement("import.progress_shown", f"导入中显示的进度（第 n / {r['files']} 个文件）", r["progress_shown"],
                    "次", target=f"= {r['files']}", met=r["progress_shown"] == r["files"]),
        Measurement("import.documents", "导入后素材库中的文档", r["documents"], "篇", target=f"= {r['files']}",
                    met=r["documents"] == r["files"]),
    ]  # fmt: skip
