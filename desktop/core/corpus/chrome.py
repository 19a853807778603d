"""Page chrome by its shape: breadcrumbs, button rows and information bars.

A web page around a speech carries lines no speaker says: `首页 > 演讲稿 > 领导讲话`, `返回 下载 相关 举报`,
`下载 打印 全屏 收藏 【字号：加大 还原 减小】`, `上传人:… 文档编号:… 上传时间:… 格式:DOC 页数:1`,
`2023-07-18 投稿人 : 佚名 围观 : 0 评论`. They are told by their make-up, not by the site: short tokens
between separators (> | / ›), words of a page's controls, information fields (来源：…, 阅读量：…) and
figures (dates, times, sizes, page counts), and nothing of a sentence. A copy that put each control on
a line of its own (下载 / 打印 / 全屏 …) is judged over the run of short lines it makes.

The words of controls and the names of information fields are data: resources/corpus_cleaning.toml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_SENTENCE_MARKS = re.compile(r"[。！？；，,!?;]")
_BREADCRUMB_SEPARATOR = re.compile(r">|›|»|\||｜|＞|→|\s/\s")
_TOKEN_SPLIT = re.compile(r"[\s>›»|｜＞→/\\·•【】\[\]()（）「」『』<>《》:：]+")
# Figures of an information bar: an ISO date (a date in words needs a time beside it: 2020年7月15日
# alone is a speech's own date), a time, a file size, a page count, a bare count.
_META_TOKEN = re.compile(
    r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}(?:时|:)\d{2}分?(?::\d{2})?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\d+(?:\.\d+)?\s*(?:KB|MB|GB|K|M|字节|bytes?)\b"
    r"|(?:共\s*)?\d+\s*页"
    r"|(?<![\d.])\d+(?:\.\d+)?\s*(?:次|人|条|字|赞|w|万)?(?![\d.])",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(r"(?:^|(?<=\s))[^\s:：]{1,6}\s*[:：](?=\s|$)")
MAX_LINE = 120
_MAX_TOKEN = 12  # a breadcrumb's steps
_MAX_BUTTON = 8  # a control's label
_UI_SHARE = 0.6
_MIN_CONTROLS = 3
# A run of lines this short (or an information field's label and its value) may be one bar laid out
# vertically.
_SHORT_LINE = 8
_VALUE_LINE = 24
_MIN_RUN = 3


@dataclass(frozen=True)
class ChromeWords:
    controls: frozenset[str]  # the words of a page's buttons and links: 下载, 打印, 收藏, 返回…
    fields: tuple[str, ...]  # the names of information fields: 来源, 作者, 发布时间, 阅读量…

    def field_pattern(self) -> re.Pattern[str]:
        names = "|".join(sorted(map(re.escape, self.fields), key=len, reverse=True))
        # A field's name, its colon and a short value (up to the next space or the next field's name).
        return re.compile(rf"(?:{names})\s*[:：]\s*(?:(?!(?:{names})\s*[:：])[^\s:：]){{0,20}}(?![^\s:：])")


def chrome_kind(line: str, words: ChromeWords, fields: re.Pattern[str]) -> str | None:
    """"nav_row" for a breadcrumb or a row of controls, "info_bar" for a bar of fields and figures,
    None for anything else."""
    text = line.strip()
    if not text or len(text) > MAX_LINE or _SENTENCE_MARKS.search(text):
        return None
    compact = re.sub(r"\s+", "", text).rstrip(":：")
    if compact in words.controls:  # one control alone: 手机版, 我要投稿, 密   码:
        return "nav_row"
    if _BARE_LABEL.fullmatch(text):  # a label alone (主持人：) may announce what follows
        return None
    raw_tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    if (
        len(_BREADCRUMB_SEPARATOR.findall(text)) >= 2
        and len(raw_tokens) >= 3
        and all(len(t) <= _MAX_TOKEN for t in raw_tokens)
    ):
        return "nav_row"
    stripped = _META_TOKEN.sub(" ", fields.sub(" ", text))
    had_fields = stripped != text
    if had_fields:  # a label whose value was a figure (时间：2026-02-11) is left bare: it goes with it
        stripped = _BARE_LABEL.sub(" ", stripped)
    tokens = [t for t in _TOKEN_SPLIT.split(stripped) if t]
    controls = [t for t in tokens if t in words.controls]
    others = [t for t in tokens if t not in words.controls]
    if not others and (controls or had_fields):
        return "info_bar" if had_fields else "nav_row"
    # A bar of two fields or more may start with its column's name: 领导讲话  发文时间:… 浏览次数:
    if len(fields.findall(text)) >= 2 and len(others) == 1 and len(others[0]) <= _MAX_BUTTON:
        return "info_bar"
    if (
        len(tokens) >= _MIN_CONTROLS
        and len(controls) >= _UI_SHARE * len(tokens)
        and all(len(t) <= _MAX_BUTTON for t in tokens)
    ):
        return "nav_row"
    return None


def field_label(line: str, fields: re.Pattern[str]) -> bool:
    """An information field's name and colon alone on its line (责任编辑：)."""
    return bool(_BARE_LABEL.fullmatch(line.strip())) and bool(fields.fullmatch(line.strip()))


def _label_only(line: str) -> bool:
    return len(line) <= _SHORT_LINE and line[-1] in ":：" or line in ("【", "[")


def vertical_runs(lines: list[str], speech: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of at least three short lines that could be one bar laid out vertically:
    each line short, or the value after a field's label; a line that is plainly speech (同志们：) ends a
    run."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate(lines + [""]):
        after_label = index > 0 and start is not None and _label_only(lines[index - 1])
        fits = (
            bool(line)
            and not _SENTENCE_MARKS.search(line)
            and (len(line) <= _SHORT_LINE or (after_label and len(line) <= _VALUE_LINE))
            and not speech(line)
        )
        if fits:
            if start is None:
                start = index
            continue
        if start is not None and index - start >= _MIN_RUN:
            runs.append((start, index))
        start = None
    return runs
