"""Clean a web or PDF copy of a speech into its text, one paragraph a line.

Steps, in order (docs/CORPUS.md explains each with examples):
1. characters: invisible marks and control characters out, full-width digits/letters to ASCII;
2. markup: scripts, styles and CSS rules out of the whole text, then tags out of each line (a block tag
   ends a line), entities decoded;
3. pieces cut out of lines and the sentence joined again: ASCII noise, text injected into sentences,
   URLs and contact numbers, truncation notices, page counters, editors' asides, pinyin glosses (a line
   left as a bare site name goes); then page numbers glued into the running text, by their run;
4. junk lines dropped: by the rules in resources/corpus_cleaning.toml, page chrome by its shape (also when
   laid out one control a line), lines recurring across the files of one import or again and again in
   one file, and trailing link blocks ("看过……的人还看了", 扩展阅读);
5. half-width punctuation inside Chinese text to full-width;
6. paragraphs restored: text kept as a PDF's visual lines, or a body wrapped into one line with the page's
   wrap spaces, is reflowed; a run-on body is split before its headings;
7. spaces next to Chinese characters removed;
8. a title glued before the salutation split off, a title wrapped onto two lines joined, a page's cut-off
   preview of the text dropped; the site's preamble before the speech title dropped, a repeated,
   decorated or glued copy of the title removed.

Steps 1-3 (`prepare`) see one file; step 4 onwards (`finish`) may also use evidence gathered from the
other files of the same import (desktop.core.corpus.evidence). Every removal is recorded with its rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.corpus.chars import PARAGRAPH_END, SENTENCE_END, width
from desktop.core.corpus.chrome import chrome_kind, field_label, vertical_runs
from desktop.core.corpus.evidence import CorpusEvidence, line_key, plainly_speech, repeated_in_file, short_key
from desktop.core.corpus.junk_rules import JunkRule, JunkRules, load_junk_rules
from desktop.core.corpus.markup import remove_code_blocks, strip_tags
from desktop.core.corpus.noise import cut_noise
from desktop.core.corpus.page_numbers import cut_page_numbers
from desktop.core.corpus.pinyin import cut_pinyin
from desktop.core.corpus.punctuation import ascii_alnum, to_full_width
from desktop.core.corpus.reflow import (
    HEADING_START,
    full_line_width,
    looks_hard_wrapped,
    looks_wrapped,
    reflow_lines,
    reflow_wrapped_line,
    split_run_on,
    split_salutation,
)
from desktop.core.corpus.removals import CleanResult, Trace
from desktop.core.corpus.spacing import tidy_spaces
from desktop.core.corpus.title import find_title_index, join_wrapped_title, looks_like_title

# Zero-width and formatting marks, the BOM, soft hyphens, and control characters other than \n and \t.
_INVISIBLE_CHARS = r"\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f\x7f"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Runs of those and of full-width digits and letters, found in one pass over the text.
_ODD_CHARACTERS = re.compile(f"[０-９Ａ-Ｚａ-ｚ{_INVISIBLE_CHARS}]+")
_HAS_TEXT = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")
_CLOSING_MARKS = re.compile("[。！？：；，、”’）」』》…]+")  # marks that only ever end what comes before
_LEFTOVER_MAX = 20
# A word set apart on a line of its own inside a sentence, and the clause-bearing lines around it.
_FRAGMENT_MAX = 8
_CLAUSE_MIN = 12
_CLAUSE_INSIDE = re.compile("[，、,]")
_UNSETTLED = re.compile(r'[,;:?!()"\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]')  # what _settled acts on
_SENTENCE_MARK = re.compile(r"[。！？；，,;!?]")
_TITLE_WINDOW = 15  # first lines a title is looked for in (as title.find_title_index does)
_PREVIEW_MIN, _PREVIEW_MAX = 30, 600  # characters of a page's preview of the text
_REPEATED_TITLE_WITHIN = 6  # body lines a copy of the title may follow and still be dropped
# Lines before the title are a site's preamble only if they are all this short.
_PREAMBLE_LINE_MAX = 60
# The cut marker a preview leaves before its truncation notice: "不断扩大投......"
_TRAILING_ELLIPSIS = re.compile(r"(?:\.{3,}|…+|。{3,})$")
# A title's decorated copy: the title, then an index, a collection label or a site's name.
_DECORATION = re.compile(r"^(?:\s*(?:\d{1,2}|篇\s*\d{1,2}|[（(]\d{1,2}[)）]|范文.{0,8}|[_\-—|｜–].{0,20}))$")
_CLOSERS = "】]》）)」』 "
_SALUTATION_START = re.compile(r"^(?:同志们|同志們|各位|尊敬的|女士们|朋友们)")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_FOREIGN_MIN_WORDS = 6
_CHINESE_DOCUMENT = 100  # Chinese characters
_CHINESE_CHAR = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Line:
    number: int  # 1-based line of the text as read
    text: str
    emptied_by: str | None = None  # the kind of rule that cut the line down to nothing


@dataclass
class Prepared:
    """A text after the steps that need no other file: its lines and what was cut so far."""

    lines: list[Line]
    trace: Trace

    def texts(self) -> list[str]:
        return [line.text for line in self.lines if line.text]


def clean_text(raw: str, rules: JunkRules | None = None, evidence: CorpusEvidence | None = None) -> str:
    """The cleaned text of raw, one paragraph a line."""
    return "\n".join(clean_paragraphs(raw, rules, evidence))


def clean_paragraphs(
    raw: str, rules: JunkRules | None = None, evidence: CorpusEvidence | None = None
) -> list[str]:
    return clean(raw, rules, evidence).paragraphs


def clean(raw: str, rules: JunkRules | None = None, evidence: CorpusEvidence | None = None) -> CleanResult:
    """The cleaned paragraphs of raw and every removal, with the rule that made it; without evidence
    from other files, the file is its own evidence (lines it repeats)."""
    rules = rules or load_junk_rules()
    return finish(prepare(raw, rules), rules, evidence)


def prepare(raw: str, rules: JunkRules) -> Prepared:
    """Steps 1-3: characters, markup and pieces cut out of lines."""
    trace = Trace()
    text = _ODD_CHARACTERS.sub(_plain_characters, raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = remove_code_blocks(text, trace)
    lines: list[Line] = []
    for number, raw_line in enumerate(text.split("\n"), 1):
        for part in strip_tags(raw_line, number, trace):
            lines.append(_cut_pieces(part.replace("\t", " ").strip(), number, rules, trace))
    texts = [line.text for line in lines]
    cut = cut_page_numbers(texts, [line.number for line in lines], trace)
    if cut is not texts:
        lines = [line if new == line.text else Line(line.number, new) for line, new in zip(lines, cut)]
    return Prepared(lines, trace)


def _plain_characters(match: re.Match[str]) -> str:
    """Invisible marks out, full-width digits and letters to ASCII."""
    return ascii_alnum(_INVISIBLE.sub("", match.group(0)))


def _cut_pieces(text: str, number: int, rules: JunkRules, trace: Trace) -> Line:
    if not text:
        return Line(number, text)
    since = len(trace.removals)
    cut = cut_noise(text, number, trace)
    cut, kind = cut_inline(cut, number, rules, trace)
    cut = cut_pinyin(cut, number, trace)
    if cut == text:
        return Line(number, text)
    cut = tidy_spaces(cut).strip()
    if not cut:
        trace.emptied(since)
        return Line(number, "", emptied_by=kind)
    return Line(number, cut)


def cut_inline(line: str, number: int, rules: JunkRules, trace: Trace) -> tuple[str, str | None]:
    """Cut injected text, URLs, contact numbers, notices and asides out of a line and join what was
    around them; a line a site-name rule leaves short ("花田文秘网 https://…") goes entirely. Returns the
    line and the kind of the last rule that cut."""
    cut = line
    kind = None
    leftover_rule: JunkRule | None = None
    # Without any trigger in the line, no rule that has triggers applies until a cut joins new neighbours.
    quiet = rules.inline_triggers.search(line) is None
    for rule in rules.inline:
        if quiet and rule.triggers or not rule.applies(cut):
            continue

        def record(match: re.Match[str], rule: JunkRule = rule) -> str:
            trace.cut(rule.kind, match.group(0), number)
            return ""

        after = rule.pattern.sub(record, cut)
        if after != cut:
            quiet = False
            kind = rule.kind
            if rule.drops_leftover:
                leftover_rule = rule
            cut = after
    if leftover_rule is not None:
        left = tidy_spaces(cut).strip()
        site_name = len(left) <= _LEFTOVER_MAX and not _SENTENCE_MARK.search(left)
        if site_name and not _SALUTATION_START.match(left):
            trace.drop(leftover_rule.kind, left, number)
            return "", leftover_rule.kind
    return cut, kind


def cut_inline_junk(line: str, rules: tuple[JunkRule, ...]) -> str:
    """The line with the matches of these inline rules cut out (the rules' own examples test this)."""
    cut = line
    for rule in rules:
        if rule.applies(cut):
            cut = rule.pattern.sub("", cut)
    return tidy_spaces(cut).strip() if cut != line else line


def finish(prepared: Prepared, rules: JunkRules, evidence: CorpusEvidence | None = None) -> CleanResult:
    """Steps 4-8: junk lines, punctuation, paragraphs, spaces, title."""
    trace = prepared.trace
    numbered = drop_junk_lines(prepared.lines, rules, trace, evidence or CorpusEvidence())
    # Punctuation-only lines stay until paragraphs are restored: a wrapped page may end a line with "”。".
    lines = [to_full_width(line.text) for line in numbered]
    if looks_hard_wrapped(lines):
        lines = reflow_lines(lines)
    paragraphs: list[str] = []
    for line in lines:
        for part in reflow_wrapped_line(line) if looks_wrapped(line) else [line]:
            paragraphs.extend(split_run_on(part))
    paragraphs = _rejoin_closing_marks([_settled(paragraph) for paragraph in paragraphs])
    paragraphs = [paragraph for paragraph in paragraphs if _HAS_TEXT.search(paragraph)]
    paragraphs = join_wrapped_title(_split_glued_title(paragraphs))
    paragraphs = _drop_preview(paragraphs, trace, _Locator(numbered))
    paragraphs = _drop_preamble_and_repeated_title(paragraphs, trace, numbered)
    return CleanResult(paragraphs, tuple(trace.removals))


def _settled(paragraph: str) -> str:
    """Spaces tidied and half-width marks widened until neither changes anything more: removing a wrap
    space can bring a mark next to a Chinese character, and a widened mark lets the space before it go."""
    if not _UNSETTLED.search(paragraph):
        return paragraph
    while True:
        settled = to_full_width(tidy_spaces(paragraph))
        if settled == paragraph:
            return paragraph
        paragraph = settled


def _split_glued_title(paragraphs: list[str]) -> list[str]:
    """A title glued before the salutation (……上的讲话同志们：今天……), as a one-line copy gives it, is a
    line of its own again, and so is the salutation. (A whole body on one line is split already.)"""
    for index, paragraph in enumerate(paragraphs[:_TITLE_WINDOW]):
        parts = split_salutation(paragraph)
        if len(parts) > 1 and not _SALUTATION_START.match(parts[0]) and looks_like_title(parts[0]):
            return [*paragraphs[:index], *parts, *paragraphs[index + 1 :]]
    return paragraphs


def _drop_preview(paragraphs: list[str], trace: Trace, locate: _Locator) -> list[str]:
    """A page's preview of the text above the text itself (a 文库 page's summary): paragraphs among the
    first whose text, joined, is how the paragraphs after them begin, cut off inside a sentence. They go.
    (A paragraph repeated whole is left to the other detectors: a preview is cut off.)"""
    for start in range(min(len(paragraphs), _TITLE_WINDOW)):
        for after in range(start + 1, min(len(paragraphs), start + _TITLE_WINDOW)):
            preview = "".join(paragraphs[start:after])
            if len(preview) < _PREVIEW_MIN:
                continue
            if len(preview) > _PREVIEW_MAX:
                break
            text, end = "", after
            while len(text) < len(preview) and end < len(paragraphs):
                text += paragraphs[end]
                end += 1
            # Cut off by a count of characters, so inside a sentence: one ending a sentence there is the
            # text itself, its paragraphs perhaps split differently.
            cut_off = preview[-1] not in PARAGRAPH_END
            if cut_off and len(text) > len(preview) and text.startswith(preview):
                for paragraph in paragraphs[start:after]:
                    trace.drop("preview", paragraph, locate(paragraph))
                return [*paragraphs[:start], *paragraphs[after:]]
    return paragraphs


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


def drop_junk_lines(
    lines: list[Line], rules: JunkRules, trace: Trace | None = None, evidence: CorpusEvidence | None = None
) -> list[Line]:
    """Drop junk lines and each trailing block of related links with the line that announces it."""
    trace = trace if trace is not None else Trace()
    present = _join_fragments([line for line in lines if line.text or line.emptied_by])
    texts = [line.text for line in present]
    full = _FullLine(texts)
    in_bar = _vertical_bars(texts, rules)
    foreign_allowed = _mostly_chinese(texts)
    kinds = [
        in_bar.get(index) or _junk_kind(text, rules, evidence, full, foreign_allowed)
        if text
        else None
        for index, text in enumerate(texts)
    ]
    # A watermark repeats between lines that stay: judged after the other junk is known, and without the
    # lines of marks only that paragraphs later absorb, so that a second cleaning sees the same neighbours.
    survivors = [text for text, kind in zip(texts, kinds) if text and kind is None and _HAS_TEXT.search(text)]
    repeated = repeated_in_file(survivors) if evidence is not None else set()
    kept: list[Line] = []
    block: JunkRule | None = None
    for line, kind in zip(present, kinds):
        text = line.text
        if not text:
            if line.emptied_by == "truncation":
                _trim_cut_marker(kept, trace)
            continue
        if block is not None:
            if len(text) <= block.max_len and text[-1] not in SENTENCE_END:
                trace.drop(block.kind, text, line.number)
                continue
            block = None
        block = rules.block_rule(text)
        if block is not None:
            kind = block.kind
        elif kind is None and repeated and short_key(text) in repeated and not full.holds(text):
            kind = "repeated"
        if kind is None:
            kept.append(line)
            continue
        trace.drop(kind, text, line.number)
        if kind == "truncation":
            _trim_cut_marker(kept, trace)
    # Junk gone, a fragment may now stand between the two halves of its sentence: joined here, as a second
    # cleaning would join it.
    return _join_fragments(kept) if len(kept) < len(present) else kept


def _join_fragments(lines: list[Line]) -> list[Line]:
    """A word a page set apart (a link, a highlighted term, PM then 2.5 on a line of its own) breaks a
    sentence into three lines: the one before stops mid-clause, the word stands alone, the sentence goes
    on in the one after. They are one line again, before any line is judged by its shape or recurrence.
    On a page kept as its visual lines a short line is a paragraph's last: reflowing finds those."""
    joined: list[Line] = []
    index = 0
    wrapped_page: bool | None = None  # measured once, when a fragment is first in question
    while index < len(lines):
        line = lines[index]
        after = lines[index + 1].text if index + 1 < len(lines) else ""
        fragment = bool(joined) and _fragment(joined[-1].text, line.text, after)
        if fragment and wrapped_page is None:
            wrapped_page = looks_hard_wrapped([other.text for other in lines if other.text])
        if fragment and not wrapped_page:
            previous = joined[-1]
            joined[-1] = Line(previous.number, previous.text + line.text + after)
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


def _fragment(before: str, text: str, after: str) -> bool:
    return (
        0 < len(text) <= _FRAGMENT_MAX
        and not _SENTENCE_MARK.search(text)
        and text[-1] not in "：:"
        and not plainly_speech(text)
        and len(before) >= _CLAUSE_MIN
        and _CLAUSE_INSIDE.search(before) is not None
        and before[-1] not in PARAGRAPH_END + "，、；…."
        and bool(after)
        and (len(after) >= _CLAUSE_MIN or _CLOSING_MARKS.match(after) is not None)
        and not HEADING_START.match(after)
    )


def _junk_kind(
    text: str, rules: JunkRules, evidence: CorpusEvidence | None, full: _FullLine, foreign_allowed: bool
) -> str | None:
    """The kind of junk a whole line is, or None."""
    kind = rules.line_junk_kind(text)
    if kind is not None:
        return kind
    kind = chrome_kind(text, rules.chrome, rules.chrome_fields)
    if kind is not None or plainly_speech(text):  # a breadcrumb may end in a title: 首页 > 讲话稿 > 领导讲话
        return kind
    if evidence is not None and evidence.recurring(text) and not full.holds(text):
        return "recurring"
    if foreign_allowed and _foreign(text):
        return "foreign"
    return None


class _FullLine:
    """On a page kept as its visual lines, a full line is body text, however often it recurs. The page
    is measured only when a line's recurrence is in question."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.measured = False
        self.width: float | None = None

    def holds(self, text: str) -> bool:
        if not self.measured:
            self.measured = True
            self.width = full_line_width(self.texts) if looks_hard_wrapped(self.texts) else None
        return self.width is not None and abs(width(text) - self.width) <= 2


def _vertical_bars(texts: list[str], rules: JunkRules) -> dict[int, str]:
    """Lines that are one bar of controls or fields laid out a line each (下载 / 打印 / 全屏 …)."""
    found: dict[int, str] = {}
    for index, text in enumerate(texts[:-1]):  # a field's label alone, its value on the next line
        if field_label(text, rules.chrome_fields) and texts[index + 1] and chrome_kind(
            f"{text}{texts[index + 1]}", rules.chrome, rules.chrome_fields
        ):
            found[index] = found[index + 1] = "info_bar"
    for start, end in vertical_runs(texts, plainly_speech):
        kind = chrome_kind(" ".join(texts[start:end]), rules.chrome, rules.chrome_fields)
        if kind is not None:
            found.update((index, kind) for index in range(start, end))
    return found


def _mostly_chinese(texts: list[str]) -> bool:
    """A Chinese document (not one in another language that quotes Chinese): a few paragraphs of Chinese."""
    found = 0
    for text in texts:
        found += len(_CHINESE_CHAR.findall(text))
        if found >= _CHINESE_DOCUMENT:
            return True
    return False


def _foreign(text: str) -> bool:
    """A line of Latin words without a Chinese character: in a Chinese corpus, a translation or a page's
    English furniture, never material for a Chinese speech."""
    return (
        len(_LATIN_WORD.findall(text)) >= _FOREIGN_MIN_WORDS
        and not _CHINESE_CHAR.search(text)
    )


def _trim_cut_marker(kept: list[Line], trace: Trace) -> None:
    """The line before a truncation notice ends with the preview's cut marker (……), not the author's."""
    if not kept:
        return
    last = kept[-1]
    match = _TRAILING_ELLIPSIS.search(last.text)
    if match and last.text[: match.start()].strip():
        trace.cut("truncation", match.group(0), last.number)
        kept[-1] = Line(last.number, last.text[: match.start()].rstrip())


class _Locator:
    """The line number a paragraph came from (past the first `skip` lines it could be), or 0. The lines'
    keys are made once, when a paragraph is first located."""

    def __init__(self, numbered: list[Line]):
        self.numbered = numbered
        self.keys: list[tuple[int, str]] | None = None

    def __call__(self, paragraph: str, skip: int = 0) -> int:
        if self.keys is None:
            self.keys = [(line.number, line_key(line.text[:40])) for line in self.numbered]
        head = line_key(paragraph[:12])
        found = [number for number, key in self.keys if key.startswith(head)]
        return found[min(skip, len(found) - 1)] if found else 0


def _drop_preamble_and_repeated_title(paragraphs: list[str], trace: Trace, numbered: list[Line]) -> list[str]:
    index = find_title_index(paragraphs)
    if index is None:
        return paragraphs
    locate = _Locator(numbered)
    if index and all(len(line) <= _PREAMBLE_LINE_MAX for line in paragraphs[:index]):
        for line in paragraphs[:index]:
            trace.drop("preamble", line, locate(line))
        paragraphs = paragraphs[index:]
        index = 0
    title = paragraphs[index]
    copy = _glued_copy(title)
    if copy:  # a page's title glued before the document's own: 县长在……会上讲话县长在……会上的讲话
        trace.cut("duplicate_title", copy, locate(title))
        title = paragraphs[index] = title[len(copy) :]
    rest = paragraphs[index + 1 :]
    # A PDF copy often repeats the title among the first lines of its body, a page as its heading, a
    # collection with an index (……讲话1, ……报告篇1). A copy counts as one while fewer than six other lines
    # stand before it, so that a second cleaning finds none left to drop.
    body: list[str] = []
    for line in rest:
        if len(body) < _REPEATED_TITLE_WITHIN:
            copy = _title_copy(line, title)
            if copy:
                record = trace.drop if copy == line else trace.cut
                record("duplicate_title", copy, locate(line, skip=1))  # the title comes first
                line = line[len(copy) :]
                if not line:
                    continue
        body.append(line)
    return [*paragraphs[:index], title, *body]


def _glued_copy(title: str) -> str:
    """The front of a title line that is a copy of the title behind it, or "": the same words, give or
    take a character or two (的, a space), glued before it."""
    for cut in range(len(title) // 2 - 2, len(title) // 2 + 2):
        front, back = title[:cut], title[cut:]
        if len(front) >= 6 and len(back) - 2 <= len(front) <= len(back) and looks_like_title(back):
            letters = iter(back)
            if all(ch in letters for ch in front):  # front is back with a few characters left out
                return front
    return ""


def _title_copy(line: str, title: str) -> str:
    """The part of line that is a copy of the title: all of it (the title, the title twice, the title
    with an index or a site's name), or the title glued before a salutation; "" when none."""
    if not line.startswith(title):
        return ""
    rest = line[len(title) :]
    while rest.startswith(title):
        rest = rest[len(title) :]
    if not rest or _DECORATION.match(rest):
        return line
    glued = rest.lstrip(_CLOSERS)
    if _SALUTATION_START.match(glued):
        return line[: len(line) - len(glued)]
    return ""
