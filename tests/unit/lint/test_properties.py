"""Property tests over random and mutated drafts: the linter never raises, spans stay inside the text,
chosen fixes never overlap, and applying them changes nothing outside their spans."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.corpus import read_text_file
from desktop.core.lint import Linter, apply_fixes, choose_fixes, load_config
from desktop.core.lint.report import gather
from desktop.core.outline import parse_outline
from tests.conftest import SEEDS_DIR

FRAGMENTS = [
    "一、", "二、", "四、", "（一）", "（二）", "(1)", "1、", "2.", "一.", "（一）、", "第一，", "第三，", "第一、",
    "第一句话，", "一是", "二是", "四是", "一要", "三要", "首先，", "其次，", "再次，", "最后，", "其三，", "①", "②",
    "讲三点意见。", "讲几点意见：", "强调两个方面：", "同志们：", "同志们，", "XX", "×", "x%", "***", "某某", "【待补】",
    "，", "。", "、", "；", "：", ",", ";", ":", "?", "!", "(", ")", "“", "”", "《", "》", "（", "）", "【", "】",
    "，，", "。。", "...", "…", "０８", "08月", "10～20%", "其它", "截止6月", "加强领导", "压实责任", "切实",
    "在全市工作会议上的讲话", "\n", "\n", "\n", " ", "　", "数据要素×", "二○○八年", "1,000", "http://a.cn/x,y",
]

drafts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="的是要和在一二三工作发展abcX 0123", max_size=6)),
    max_size=60,
).map("".join)

_SEEDS = [read_text_file(p).text for p in sorted(SEEDS_DIR.glob("*.txt"))]


@st.composite
def mutated_seeds(draw):
    text = draw(st.sampled_from(_SEEDS))
    start = draw(st.integers(0, max(0, len(text) - 1)))
    text = text[start : start + draw(st.integers(0, 3000))]
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:pos] + draw(st.sampled_from(FRAGMENTS)) + text[pos:]
        else:
            text = text[:pos] + text[pos + draw(st.integers(0, 20)) :]
    return text


_LINTER = Linter(load_config(use_user_file=False))


def _check(text: str) -> None:
    outline = parse_outline(text)
    previous_end = 0
    for block in outline.blocks:
        assert previous_end <= block.start < block.end <= len(text)
        previous_end = block.end
        if block.heading is not None:
            h = block.heading
            assert block.start <= h.marker_start < h.marker_end <= h.title_end <= block.end
            assert text[h.marker_start : h.marker_end] == h.marker
    for run in outline.runs:
        for item in run.items:
            assert text[item.start : item.end] == item.marker

    diagnostics = gather(text, _LINTER.lint(text).diagnostics)
    for d in diagnostics:
        assert 0 <= d.offset <= d.offset + d.length <= len(text), d
        for offset, length in d.spots:
            assert 0 <= offset <= offset + length <= len(text)
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.offset <= edit.offset + edit.length <= len(text)
    chosen = choose_fixes(diagnostics)
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: e.offset)
    for a, b in itertools.pairwise(edits):
        assert a.offset + a.length < b.offset or (a.offset + a.length <= b.offset and a.length and b.length)
    fixed, _ = apply_fixes(text, diagnostics)
    # outside the edits nothing changed: rebuild the fixed text from the original and the edits
    rebuilt, pos = [], 0
    for e in edits:
        rebuilt += [text[pos : e.offset], e.replacement]
        pos = e.offset + e.length
    rebuilt.append(text[pos:])
    assert fixed == "".join(rebuilt)
    _LINTER.lint(fixed)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_random_drafts(text):
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seeds())
def test_mutated_seeds(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300).map(lambda s: s.replace("\r", "")))
def test_arbitrary_unicode(text):
    _check(text)
