"""The reviewer's copy: a Word file from an office with the checker's findings added as comments, and
nothing else of it changed."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from lxml import etree

from desktop.core.export.comments import AUTHOR, remarks_for
from desktop.core.export.docx_import import import_docx
from desktop.core.export.review import write_reviewer_copy
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
from tests.unit.export.review_fixture import COLLEAGUE, build_reviewable

WHEN = dt.datetime(2026, 8, 2, 10, 0, tzinfo=dt.timezone.utc)
DOCUMENT, COMMENTS = "word/document.xml", "word/comments.xml"
CONTENT_TYPES, RELS = "[Content_Types].xml", "word/_rels/document.xml.rels"


def _review(tmp_path, original):
    draft = import_docx(original, track=True)
    found = Linter().lint(draft.text).diagnostics
    out = tmp_path / "审阅.docx"
    written = write_reviewer_copy(original, draft.source, remarks_for(found), out, WHEN)
    return draft, found, out, written


def _members(path):
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("with_comment", [True, False])
def test_only_the_parts_that_carry_comments_change(tmp_path, with_comment):
    original = build_reviewable(tmp_path / "通知.docx", with_comment=with_comment)
    _, found, out, written = _review(tmp_path, original)
    assert written == len(found) >= 5
    before, after = _members(original), _members(out)
    changed = {name for name in before if before[name] != after.get(name)}
    if with_comment:  # the file has a comments part: its relationship and content type are there already
        assert set(after) == set(before)
        assert changed == {DOCUMENT, COMMENTS}
    else:
        assert set(after) - set(before) == {COMMENTS}
        assert changed == {DOCUMENT, CONTENT_TYPES, RELS}
        for name, tag in ((CONTENT_TYPES, "Override"), (RELS, "Relationship")):
            old, new = etree.fromstring(before[name]), etree.fromstring(after[name])
            assert len(new) == len(old) + 1  # one entry more
            assert [etree.tostring(e) for e in new[:-1]] == [etree.tostring(e) for e in old]
            assert "comments" in etree.tostring(new[-1]).decode() and new[-1].tag.endswith(tag)
    # styles, numbering, settings, theme, fonts, properties, thumbnail: byte for byte
    assert {"word/styles.xml", "word/numbering.xml", "word/settings.xml"} <= set(before) - changed


@pytest.mark.parametrize("with_comment", [True, False])
def test_the_document_gains_only_comment_marks(tmp_path, with_comment):
    original = build_reviewable(tmp_path / "通知.docx", with_comment=with_comment)
    _, _, out, _ = _review(tmp_path, original)
    old, new = document(original), document(out)
    # taking out the comment ranges and reference runs leaves the same paragraphs with the same text in
    # the same formatting (a run split where a comment begins keeps its properties on both halves)
    assert flattened(without_comment_marks(new)) == flattened(without_comment_marks(old))
    old_body, new_body = old.find(W + "body"), new.find(W + "body")
    assert [c.tag for c in new_body] == [c.tag for c in old_body]
    assert etree.tostring(new_body.find(W + "sectPr")) == etree.tostring(old_body.find(W + "sectPr"))
    tags = lambda root: {e.tag for e in root.iter() if isinstance(e.tag, str)}  # noqa: E731
    marks = {W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"}
    assert tags(new) - tags(old) == (set() if with_comment else marks)


def test_each_finding_is_a_comment_on_what_it_is_about(tmp_path):
    original = build_reviewable(tmp_path / "通知.docx")
    draft, found, out, _ = _review(tmp_path, original)
    entries = comments(out)
    # the colleague's comment stays first and as it was; ours follow, in the order of the findings
    assert comment_text(entries["0"]) == COLLEAGUE and entries["0"].get(W + "author") == "王科长"
    assert sorted(entries, key=int) == [str(i) for i in range(len(found) + 1)]
    assert sorted(references(document(out)), key=int) == sorted(entries, key=int)
    anchored = anchored_text(document(out))
    assert anchored["0"] == "今年汛期降雨偏多。"
    for index, d in enumerate(found, 1):
        entry = entries[str(index)]
        assert entry.get(W + "author") == AUTHOR and entry.get(W + "date") == "2026-08-02T10:00:00Z"
        assert comment_text(entry) == f"{d.code} {d.message}"
        span = draft.text[d.offset:d.offset + d.length]
        if d.code == "GW103":
            # the finding is on 1、, a marker Word numbers itself: the comment covers the paragraph
            assert span == "1、" and anchored[str(index)] == "落实责任到人"
        elif d.offset == len(draft.text):
            # something missing at the end (a 成文日期): the comment covers the last paragraph
            assert anchored[str(index)] == "今年汛期降雨偏多。"
        else:
            assert anchored[str(index)] == (span or draft.text[d.offset]), d
    # the placeholder split over a plain and an italic run is covered whole
    assert anchored["1"] == "XX" and found[0].code == "GW301"


def test_the_reviewers_copy_reads_as_the_original(tmp_path):
    original = build_reviewable(tmp_path / "通知.docx")
    draft, found, out, _ = _review(tmp_path, original)
    again = import_docx(out)
    assert again.text == draft.text
    assert [(d.code, d.offset) for d in Linter().lint(again.text).diagnostics] == [(d.code, d.offset) for d in found]
    assert any(f"{len(found) + 1} 条批注" in w for w in again.warnings)


def test_no_findings_gives_the_original_file(tmp_path):
    original = build_reviewable(tmp_path / "通知.docx")
    draft = import_docx(original, track=True)
    out = tmp_path / "审阅.docx"
    assert write_reviewer_copy(original, draft.source, [], out, WHEN) == 0
    assert _members(out) == _members(original)


def test_paragraph_numbers_count_as_word_does(tmp_path):
    """Paragraphs that show something are counted, table cells included; Word's numbering is text."""
    original = build_reviewable(tmp_path / "通知.docx")
    draft = import_docx(original, track=True)
    spans = {draft.text[s.start:s.end]: s.number for s in draft.source.map.paragraphs}
    assert spans["关于做好防汛工作的通知"] == 1
    assert spans["一、加强组织领导"] == 4 and spans["1、落实责任到人"] == 5
    assert spans["责任单位"] == 8 and spans["XX局"] == 9 and spans["今年汛期降雨偏多。"] == 10
