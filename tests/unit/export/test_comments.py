"""Findings written as Word comments by the export: each on its own span, nothing else in the file
changed, and the commented file reads back as the same draft."""

from __future__ import annotations

import re
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.corpus.docx_reader import docx_text
from desktop.core.export import export_docx, import_draft, load_profile
from desktop.core.export.comments import AUTHOR, Remark, remarks_for
from desktop.core.lint import Linter
from tests.unit.export.comment_xml import (
    W,
    anchored_text,
    comment_text,
    comments,
    document,
    flattened,
    references,
    without_comment_marks,
)
from tests.unit.export.conftest import DATA, FIXED_TIME

# defects a reviewer marks: a count that does not match, a placeholder, a half-width comma
DEFECTS = "四、XX工作要抓好,落实到位\n"
EDGE = (DATA / "edge_cases.txt").read_text(encoding="utf-8") + "从 PDF 复制的\x0c控制\x01字符\n"
_BLANK = " \t\u3000\xa0"
_INVISIBLE = re.compile("[\t\x00-\x08\x0b\x0c\x0e-\x1f]")


def _export(tmp_path, text, remarks, no_fonts, name="out.docx", profile="gongwen"):
    out = tmp_path / name
    result = export_docx(text, out, load_profile(profile), catalog=no_fonts, created=FIXED_TIME, remarks=remarks)
    return out, result


def test_each_finding_becomes_a_comment_on_its_span(tmp_path, speech_text, no_fonts):
    text = speech_text + "\n" + DEFECTS
    found = Linter().lint(text).diagnostics
    assert {"GW105", "GW301", "GW201"} <= {d.code for d in found}
    out, result = _export(tmp_path, text, remarks_for(found), no_fonts)
    assert result.comments == len(found)
    doc, entries = document(out), comments(out)
    anchored = anchored_text(doc)
    for index, d in enumerate(found):
        cid = str(index)
        assert anchored[cid] == text[d.offset:d.offset + d.length], d
        entry = entries[cid]
        assert entry.get(W + "author") == AUTHOR and entry.get(W + "date") == "2026-08-01T09:30:00Z"
        assert comment_text(entry) == f"{d.code} {d.message}"
    assert sorted(references(doc), key=int) == sorted(entries, key=int)
    with zipfile.ZipFile(out) as package:
        assert "comments+xml" in package.read("[Content_Types].xml").decode()
        assert 'Target="comments.xml"' in package.read("word/_rels/document.xml.rels").decode()


def _plain_and_commented(tmp_path, speech_text, no_fonts):
    """The defective draft exported without comments and with its findings as comments."""
    text = speech_text + "\n" + DEFECTS
    found = Linter().lint(text).diagnostics
    plain, _ = _export(tmp_path, text, [], no_fonts, "plain.docx")
    commented, _ = _export(tmp_path, text, remarks_for(found), no_fonts, "commented.docx")
    return found, plain, commented


def test_comments_add_nothing_else_to_the_file(tmp_path, speech_text, no_fonts):
    _, plain, commented = _plain_and_commented(tmp_path, speech_text, no_fonts)
    must_change = {"word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}
    with zipfile.ZipFile(plain) as a, zipfile.ZipFile(commented) as b:
        assert set(b.namelist()) - set(a.namelist()) == {"word/comments.xml"}
        for name in a.namelist():
            if name not in must_change:
                assert a.read(name) == b.read(name), name
    assert flattened(without_comment_marks(document(commented))) == flattened(document(plain))


def test_a_commented_export_reads_back_as_the_draft(tmp_path, speech_text, no_fonts):
    found, plain, commented = _plain_and_commented(tmp_path, speech_text, no_fonts)
    draft = import_draft(commented)
    assert draft.text == import_draft(plain).text
    assert not any(d.message in draft.text for d in found)
    assert any(f"{len(found)} 条批注" in w for w in draft.warnings)
    assert docx_text(commented) == docx_text(plain)  # the corpus reader too


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    offset = text.index(part, start)
    return offset, len(part)


def test_spans_across_runs_tabs_title_lines_and_paragraphs(tmp_path, no_fonts):
    text = EDGE
    cases = {
        # (offset, length): the text the comment covers
        _span(text, "强化责任意识。 领导是什么"): "强化责任意识。 领导是什么",  # heading run and body run
        _span(text, "领导就是责任"): "领导就是责任",  # inside one run: split in three
        _span(text, "总体要求\t带制表"): "总体要求带制表",  # a tab is a w:tab, not text
        _span(text, "在全县二〇二六年经济工作会议暨优化营商环境推进大会上的讲话"):
            "在全县二〇二六年经济工作会议暨优化营商环境推进大会上的讲话",  # over the title's line break
        _span(text, "推进大会"): "推进大会",
        _span(text, "是什么？领导"): "是什么？领导",  # overlaps the first
        _span(text, "谢谢大家！\n从 PDF"): "谢谢大家！",  # runs on into the next paragraph: cut there
        _span(text, "控制\x01字符"): "控制字符",  # a character XML cannot hold was left out
        (text.index("  前后有"), 2): "前后有空格的段落",  # only blanks: the whole paragraph
        (text.index("小标题"), 0): "小",  # an empty span marks one character
    }
    remarks = [Remark(offset, length, f"第{i}条") for i, (offset, length) in enumerate(cases)]
    remarks.append(Remark(len(text) + 5, 2, "past the end"))
    out, result = _export(tmp_path, text, remarks, no_fonts)
    assert result.comments == len(cases)
    anchored = anchored_text(document(out))
    assert [anchored[str(i)] for i in range(len(cases))] == list(cases.values())
    assert "第0条" == comment_text(comments(out)["0"])


def _expected(text: str, offset: int, length: int) -> str:
    """What a comment on draft[offset:offset+length] should cover, worked out from the draft alone: the
    span cut to its line's content (blanks at either end are layout), tabs and control characters left
    out; a span with nothing left covers its whole line."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    content_start = line_start + len(line) - len(line.lstrip(_BLANK))
    content_end = line_start + len(line.rstrip(_BLANK))
    start, stop = max(offset, content_start), min(offset + max(length, 1), content_end)
    covered = _INVISIBLE.sub("", text[start:stop]) if start < stop else ""
    return covered or _INVISIBLE.sub("", text[content_start:content_end])


_LINES = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", EDGE) if m.group().strip(_BLANK)]


@st.composite
def _spans(draw):
    start, end = draw(st.sampled_from(_LINES))
    offset = draw(st.integers(start, end - 1))
    return offset, draw(st.integers(0, end - offset))


@settings(max_examples=30)  # each example is a whole export
@given(st.lists(_spans(), min_size=1, max_size=12))
def test_any_spans_cover_their_own_text(tmp_path_factory, spans):
    """Many comments at once, overlapping, nested, beginning and ending where others do."""
    from desktop.core.export.fonts import FontCatalog

    tmp = tmp_path_factory.mktemp("spans")
    remarks = [Remark(offset, length, str(i)) for i, (offset, length) in enumerate(spans)]
    out, result = _export(tmp, EDGE, remarks, FontCatalog(source="test"))
    assert result.comments == len(spans)
    anchored = anchored_text(document(out))
    for i, (offset, length) in enumerate(spans):
        assert anchored[str(i)] == _expected(EDGE, offset, length), (offset, length)
    # the text and its formatting are as without comments
    plain, _ = _export(tmp, EDGE, [], FontCatalog(source="test"), "plain.docx")
    assert flattened(without_comment_marks(document(out))) == flattened(document(plain))
