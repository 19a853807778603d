"""Content: placeholders, repeated text, overused words, long sentences, uneven parallels, corpus copies."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from desktop.core.lint.model import (
    Diagnostic,
    DocumentContext,
    Example,
    Level,
    ParagraphContext,
    Rule,
    RuleDoc,
    prepared,
    single_fix,
)
from desktop.core.outline import BlockKind

_TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CLOSING)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_NUMERAL_NEIGHBOURS = set("〇○零一二三四五六七八九十")


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _placeholder_spans(text: str, data: dict) -> list[tuple[int, int]]:
    conf = data.get("placeholder", {})
    pattern = _compiled(tuple(conf.get("patterns", ())))
    legit = conf.get("legit", [])
    unnamed_after = tuple(conf.get("unnamed_after", ()))
    legit_spans = (
        [(m.start(), m.end()) for m in _compiled(tuple(re.escape(w) for w in legit)).finditer(text)] if legit else []
    )
    spans = []
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        typed = m.group()
        if any(a <= s < b for a, b in legit_spans):
            continue
        before, after = text[s - 1 : s], text[e : e + 1]
        if typed[0] in "×xｘ" and before.isdigit() and after.isdigit():
            continue  # 3×3, 2x100
        if typed[0] in "XＸ" and before.isdigit():
            continue  # “415X”, “555X”: the open end of a programme's name
        if typed[0] == "○" and (before in _NUMERAL_NEIGHBOURS or after in _NUMERAL_NEIGHBOURS):
            continue  # 二○○八年
        if typed == "某某" and text.startswith(unnamed_after, e):
            continue
        if typed[0] in "xXｘＸ" and not (re.match(r"[\u3400-\u9fff%％0-9]", before or "") or re.match(
            r"[\u3400-\u9fff%％年月日\s]", after or "") or not before.strip() or not after.strip()):
            continue
        spans.append((s, e))
    return spans


def check_placeholder(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    spans = _placeholder_spans(ctx.text, ctx.data)
    if not spans:
        return
    start, end = spans[0][0], spans[-1][1]
    if len(spans) == 1:
        message = f"遗留占位符「{ctx.text[start:end]}」，请填上实际内容"
    else:
        kinds = Counter(ctx.text[s:e] for s, e in spans)
        shown = "、".join(f"「{k}」" for k, _ in kinds.most_common(4)) + ("等" if len(kinds) > 4 else "")
        message = f"本段有 {len(spans)} 处遗留占位符（{shown}），请逐一填上实际内容"
    yield rule.diagnostic(start, end - start, message, spots=tuple((s, e - s) for s, e in spans))


def _normal(sentence: str) -> str:
    return "".join(sentence.split())


def check_duplicate_text(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    text = outline.text
    min_chars = int(ctx.data.get("duplicate_text", {}).get("min_chars", 12))
    # within one paragraph a shorter sentence said twice is a slip too (要抓好落实。……要抓好落实。)
    min_in_paragraph = int(ctx.data.get("duplicate_text", {}).get("min_chars_in_paragraph", 6))
    seen_paragraphs: dict[str, int] = {}
    seen_sentences: dict[str, int] = {}
    for block in outline.blocks:
        if block.boilerplate or block.kind not in _TEXT_KINDS:
            continue
        body, sentences = _sentences_of(ctx.memo, text[block.start : block.end])
        if len(body) >= min_chars * 2 and body in seen_paragraphs:
            line = outline.line_at(seen_paragraphs[body])
            yield rule.diagnostic(block.start, block.end - block.start, f"这一段与第{line}行的段落完全重复；请删去一段")
            continue
        seen_paragraphs.setdefault(body, block.start)
        in_paragraph: set[str] = set()
        for start, length, sentence in sentences:
            start += block.start
            if min_in_paragraph <= len(sentence) < min_chars and not sentence.rstrip("。！？!?").isdigit():
                if sentence in in_paragraph:
                    yield rule.diagnostic(start, length, "这句话在本段里说了两次；请删去一处")
                in_paragraph.add(sentence)
            if len(sentence) < min_chars:
                continue
            if sentence in seen_sentences:
                line = outline.line_at(seen_sentences[sentence])
                yield rule.diagnostic(start, length, f"这句话与第{line}行重复；请删去或换个说法")
            else:
                seen_sentences[sentence] = start


def _sentences_of(memo: dict, paragraph: str) -> tuple[str, list[tuple[int, int, str]]]:
    """A paragraph without blanks, and its sentences (offset in the paragraph, length, text without blanks):
    kept between checks, so an edit splits only the paragraph it changed."""
    found = memo.get(paragraph)
    if found is None:
        sentences = [
            (m.start(), len(m.group().rstrip()), _normal(m.group())) for m in _SENTENCE.finditer(paragraph)
        ]
        found = memo[paragraph] = (_normal(paragraph), sentences)
    return found


_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")


def _doubled_chars(data: dict) -> re.Pattern[str]:
    chars = data.get("repetition", {}).get("chars", [])
    return re.compile("(" + "|".join(map(re.escape, chars)) + r")\1") if chars else re.compile(r"(?!)")


def _is_word(text: str) -> bool:
    """Whether a two-character stretch is a dictionary word (jieba's table, loaded the first time a
    doubled pair needs it)."""
    from desktop.core.mining.lexicon import lexicon

    return text in lexicon()


def check_doubled(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    conf = ctx.data.get("repetition", {})
    text = ctx.text
    before, after = conf.get("legit_before", {}), conf.get("legit_after", {})
    for m in prepared(ctx.data, "doubled_chars", _doubled_chars).finditer(text):
        ch, i, j = m.group(1), m.start(), m.end()
        prev, nxt = text[i - 1 : i], text[j : j + 1]
        if (prev and prev in before.get(ch, "")) or (nxt and nxt in after.get(ch, "")):
            continue  # 目的的, 为了了解: two words that meet, not one typed twice
        if nxt and text[j + 1 : j + 2] == nxt:
            continue  # 的的确确, 是是非非: AABB reduplication
        yield rule.diagnostic(i, 2, f"「{ch}」连写了两次；请删去一个", single_fix(i + 1, 1, "", safe=False))
    words = set(conf.get("reduplicating", ()))
    for m in _DOUBLED_WORD.finditer(text):
        unit = m.group(1)
        if unit in words or unit[0] == "一" or len(set(unit)) == 1:
            continue  # 研究研究, 一步一步: reduplication a speech may use
        if unit[0] in "很更最太真好多" or text.startswith("再" + unit, m.end()):
            continue  # 很紧很紧, 精准精准再精准: emphasis said on purpose
        if len(unit) == 2 and not _is_word(unit):
            continue  # 构建共建共治: two words that happen to repeat two characters
        yield rule.diagnostic(
            m.start(), len(m.group()), f"「{unit}」连写了两次；请删去一个",
            single_fix(m.start() + len(unit), len(unit), "", safe=False),
        )


def check_overused(rule: Rule, ctx: DocumentContext) -> Iterator[Diagnostic]:
    outline = ctx.outline
    conf = ctx.data.get("overused_word", {})
    words = conf.get("words", [])
    min_count = int(conf.get("min_count", 12))
    per_thousand = float(conf.get("per_thousand", 4.0))
    blocks = [b for b in outline.blocks if not b.boilerplate and b.kind in _TEXT_KINDS]
    size = sum(b.end - b.start for b in blocks)
    if not size:
        return
    if not words:
        return
    pattern = _compiled(tuple(re.escape(w) for w in words))
    found: dict[str, list[tuple[int, int]]] = {}
    for b in blocks:
        for m in pattern.finditer(outline.text, b.start, b.end):
            found.setdefault(m.group(), []).append((m.start(), len(m.group())))
    for word, spots in found.items():
        density = len(spots) * 1000 / size
        if len(spots) >= min_count and density >= per_thousand:
            first = spots[0]
            yield rule.diagnostic(
                first[0], first[1],
                f"「{word}」用了 {len(spots)} 次（每千字 {density:.1f} 次），读来重复；删去一些或换个说法",
                spots=tuple(spots),
            )


def check_long_sentence(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    limit = int(ctx.data.get("long_sentence", {}).get("max_chars", 150))
    for m in _SENTENCE.finditer(ctx.text):
        size = len(_normal(m.group()))
        if size > limit:
            yield rule.diagnostic(
                m.start(), len(m.group()), f"这句话有 {size} 字（超过 {limit} 字），念起来喘不过气；可拆成几句"
            )


_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n“”‘’《》（）()]+")
_PURE_CJK = re.compile(r"[\u3400-\u9fff]+")


def check_parallel(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    min_items = int(ctx.data.get("parallel", {}).get("min_items", 4))
    for clause in _CLAUSE.finditer(ctx.text):
        items = clause.group().split("、")
        if len(items) < min_items or not all(_PURE_CJK.fullmatch(i) for i in items):
            continue
        # the first item may carry a lead-in (要坚定信心) and the last a tail: only inner items may be odd
        inner = items[1:-1]
        if len(items[0]) < 4 or len(items[-1]) < 4:
            continue
        odd = [k for k, item in enumerate(inner, 1) if len(item) != 4]
        if len(odd) != 1 or len(items[odd[0]]) not in (3, 5) or len(inner) - 1 < 3:
            continue
        k = odd[0]
        if any(i != k and item.endswith(items[k][-2:]) for i, item in enumerate(items)):
            continue  # a list of names sharing a head noun (海关平台、投融资平台), not a 四字 parallel
        pos = clause.start() + sum(len(i) + 1 for i in items[:k])
        yield rule.diagnostic(
            pos, len(items[k]),
            f"一组四字短语里夹了一个 {len(items[k])} 字的「{items[k]}」；改成四字读来更齐整",
        )


def check_corpus_copy(rule: Rule, ctx: ParagraphContext) -> Iterator[Diagnostic]:
    if ctx.corpus is None:
        return
    min_chars = int(ctx.data.get("corpus_copy", {}).get("min_chars", 20))
    for m in _SENTENCE.finditer(ctx.text):
        sentence = m.group().strip()
        if len(_normal(sentence)) < min_chars:
            continue
        hit = ctx.corpus.find_sentence(sentence)
        if hit is not None:
            yield rule.diagnostic(
                m.start(), len(m.group()),
                f"这句话与范文《{hit.source}》中的原句完全相同；引用请注明，或改写成自己的话",
            )


RULES = (
    Rule(
        "GW301", "placeholder", Level.ERROR,
        RuleDoc(
            "遗留的占位符：XX、××、×、○○、x年x月、x%、***、某某、【待补】。不包括「数据要素×」这类正式名称。",
            "占位符念到领导嘴里就是事故；起草时留的空，交稿前必须填完。",
            "填上实际的名称、数字和日期。",
        ),
        (
            Example("全市生产总值增长X%，XX书记作出批示。", "全市生产总值增长6.5%，王明书记作出批示。"),
            Example("×县通过×年努力，财政收入突破×亿元。", "民权县通过三年努力，财政收入突破10亿元。"),
            Example("截至x月x日，完成【待补】个项目。", "截至6月30日，完成12个项目。"),
        ),
        "paragraph", check_placeholder, "占位符",
    ),
    Rule(
        "GW302", "duplicate-text", Level.WARNING,
        RuleDoc(
            "同一句话（12 字以上）或同一段在文中出现了两次；同一段里 6 字以上的句子说了两次。",
            "多半是拼稿、改稿时复制多了；听众会以为讲稿出了错。",
            "删去重复的一处，或换个说法。",
        ),
        (
            Example("要以钉钉子精神一抓到底抓好落实。会后各单位要认真研究。要以钉钉子精神一抓到底抓好落实。",
                    "要以钉钉子精神一抓到底抓好落实。会后各单位要认真研究。"),
            Example("各单位要抓好落实。会后立即部署。各单位要抓好落实。", "各单位要抓好落实。会后立即部署。"),
        ),
        "document", check_duplicate_text, "文字重复",
    ),
    Rule(
        "GW303", "overused-word", Level.INFO,
        RuleDoc(
            "同一个套话（切实、进一步、扎实……）在文中用得太密。",
            "同一个词反复出现，讲稿显得空泛。",
            "删去可有可无的，或换用意思相近的说法。",
        ),
        (Example("切实" * 13 + "加强领导。", "切实加强领导。"),),
        "document", check_overused, "用词过密",
    ),
    Rule(
        "GW304", "long-sentence", Level.INFO,
        RuleDoc(
            "一句话超过 150 字（可在规则文件中调整）。",
            "讲话稿是念给人听的，长句既难念也难懂。",
            "拆成几句，每句说一件事。",
        ),
        (Example("要" + "加快项目建设进度，" * 16 + "确保完成任务。", "要加快项目建设进度，确保完成任务。"),),
        "paragraph", check_long_sentence, "长句",
    ),
    Rule(
        "GW305", "parallel-asymmetry", Level.INFO,
        RuleDoc(
            "一串四字短语里夹了一个三字或五字的。",
            "四字排比的力量在于整齐，一个不齐的读起来就卡住了。",
            "把不齐的那个改成四字。",
        ),
        (Example("要坚定信心、保持定力、持续求进、好中求快速、狠抓落实、务求实效。", "要坚定信心、保持定力、持续求进、好中求快、狠抓落实、务求实效。"),),
        "paragraph", check_parallel, "排比不齐",
    ),
    Rule(
        "GW306", "corpus-copy", Level.INFO,
        RuleDoc(
            "20 字以上的句子与语料中的范文一字不差（需要素材库）。",
            "整句照搬范文容易被认出来，引用也应注明。",
            "改写成自己的话，或注明出处。",
        ),
        (Example("这是一句从范文里原样照搬过来的足够长的句子。", "这是一句我自己写的、与范文不同的句子。"),),
        "paragraph", check_corpus_copy, "照搬范文",
    ),
    Rule(
        "GW307", "doubled-word", Level.WARNING,
        RuleDoc(
            "字词误连写了两次：的的、在在、进一步进一步。「研究研究」「一步一步」这类叠用和「目的的」"
            "「为了了解」这类两词相接不算。",
            "多打的字一眼就能看出，念稿时也会卡住。",
            "删去重复的一个。",
        ),
        (
            Example("推动全县的的经济发展。", "推动全县的经济发展。"),
            Example("要进一步进一步压实责任。", "要进一步压实责任。"),
        ),
        "paragraph", check_doubled, "字词重复",
    ),
)
