"""Clean a web or PDF copy of a speech into its text, one paragraph a line.

Steps, in order (docs/CORPUS.md explains each with examples):
1. characters: invisible marks and control characters out, full-width digits/letters to ASCII;
2. text injected into sentences, URLs and contact numbers cut out, the sentence joined again (a line
   left as a bare site name goes);
3. junk lines (watermarks, adverts, QQ/群, copyright, 整理/发布, size/page banners, separators) and
   trailing link blocks ("看过……的人还看了", 扩展阅读/推荐阅读) dropped, by the rules in
   resources/corpus_cleaning.toml;
4. half-width punctuation inside Chinese text to full-width;
5. paragraphs restored: text kept as a PDF's visual lines, or a body wrapped into one line with the page's
   wrap spaces, is reflowed; a run-on body is split before its headings;
6. spaces next to Chinese characters removed;
7. the site's preamble before the speech title dropped, a repeated title removed.
"""

from __future__ import annotations

import re

from desktop.core.corpus.chars import SENTENCE_END
from desktop.core.corpus.junk_rules import JunkRule, JunkRules, load_junk_rules
from desktop.core.corpus.punctuation import ascii_alnum, to_full_width
from desktop.core.corpus.reflow import (
    looks_hard_wrapped,
    looks_wrapped,
    reflow_lines,
    reflow_wrapped_line,
    split_run_on,
)
from desktop.core.corpus.spacing import tidy_spaces
from desktop.core.corpus.title import find_title_index

# Zero-width and formatting marks, the BOM, soft hyphens, and control characters other than \n and \t.
_INVISIBLE = re.compile(
    r"[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f\x7f]"
)
_HAS_TEXT = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")
_CLOSING_MARKS = re.compile("[。！？：；，、”’）」』》…]+")  # marks that only ever end what comes before
_LEFTOVER_MAX = 20
_SENTENCE_MARK = re.compile(r"[。！？；，,;!?]")
_REPEATED_TITLE_WITHIN = 6  # body lines a copy of the title may follow and still be dropped
# Lines before the title are a site's preamble only if they are all this short.
_PREAMBLE_LINE_MAX = 60


def clean_text(raw: str, rules: JunkRules | None = None) -> str:
    """The cleaned text of raw, one paragraph a line."""
    return "\n".join(clean_paragraphs(raw, rules))


def clean_paragraphs(raw: str, rules: JunkRules | None = None) -> list[str]:
    rules = rules or load_junk_rules()
    text = ascii_alnum(_INVISIBLE.sub("", raw.replace("\r\n", "\n").replace("\r", "\n")))
    lines = [line.replace("\t", " ").strip() for line in text.split("\n")]
    lines = drop_junk_lines([_cut_or_drop(line, rules) for line in lines], rules)
    # Punctuation-only lines stay until paragraphs are restored: a wrapped page may end a line with "”。".
    lines = [to_full_width(line) for line in lines if line]
    if looks_hard_wrapped(lines):
        lines = reflow_lines(lines)
    paragraphs: list[str] = []
    for line in lines:
        for part in reflow_wrapped_line(line) if looks_wrapped(line) else [line]:
            paragraphs.extend(split_run_on(part))
    paragraphs = _rejoin_closing_marks([_settled(paragraph) for paragraph in paragraphs])
    paragraphs = [paragraph for paragraph in paragraphs if _HAS_TEXT.search(paragraph)]
    return _drop_preamble_and_repeated_title(paragraphs)


def _settled(paragraph: str) -> str:
    """Spaces tidied and half-width marks widened until neither changes anything more: removing a wrap
    space can bring a mark next to a Chinese character, and a widened mark lets the space before it go."""
    while True:
        settled = to_full_width(tidy_spaces(paragraph))
        if settled == paragraph:
            return paragraph
        paragraph = settled


def _rejoin_closing_marks(paragraphs: list[str]) -> list[str]:
    """A page may wrap a paragraph's closing marks onto a line of their own ("：", "”。") where too few lines
    show the page's width to reflow them: they end the paragraph before."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _CLOSING_MARKS.fullmatch(paragraph) and _HAS_TEXT.search(joined[-1]):
            joined[-1] = _settled(joined[-1] + paragraph)  # "0:" then "”" is 0：” once joined
        else:
            joined.append(paragraph)
    return joined


def drop_junk_lines(lines: list[str], rules: JunkRules) -> list[str]:
    """Drop junk lines and each trailing block of related links with the line that announces it."""
    kept: list[str] = []
    block: JunkRule | None = None
    for line in lines:
        if not line:
            continue
        if block is not None:
            if len(line) <= block.max_len and line[-1] not in SENTENCE_END:
                continue
            block = None
        block = rules.block_rule(line)
        if block is not None or rules.line_junk_kind(line):
            continue
        kept.append(line)
    return kept


def _cut_or_drop(line: str, rules: JunkRules) -> str:
    """Cut inline junk; a line left as a bare site name ("花田文秘网 https://…") goes entirely."""
    cut = cut_inline_junk(line, rules.inline)
    if cut != line and len(cut) <= _LEFTOVER_MAX and not _SENTENCE_MARK.search(cut):
        return ""
    return cut


def cut_inline_junk(line: str, rules: tuple[JunkRule, ...]) -> str:
    """Cut injected text, URLs and contact numbers out of a line and join what was around them."""
    cut = line
    for rule in rules:
        cut = rule.pattern.sub("", cut)
    return tidy_spaces(cut).strip() if cut != line else line


def _drop_preamble_and_repeated_title(paragraphs: list[str]) -> list[str]:
    index = find_title_index(paragraphs)
    if index is None:
        return paragraphs
    if all(len(line) <= _PREAMBLE_LINE_MAX for line in paragraphs[:index]):
        paragraphs = paragraphs[index:]
        index = 0
    title = paragraphs[index]
    rest = paragraphs[index + 1 :]
    # A PDF copy often repeats the title among the first lines of its body. A copy counts as one while
    # fewer than six other lines stand before it, so that a second cleaning finds none left to drop.
    body: list[str] = []
    for line in rest:
        if line != title or len(body) >= _REPEATED_TITLE_WITHIN:
            body.append(line)
    return [*paragraphs[:index], title, *body]
