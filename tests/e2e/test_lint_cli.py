"""`gongwen lint` on the seeds and on drafts written for the test: the seeds' real defects are found,
little else is said, JSON and exit codes are as documented, --fix repairs files in place."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.core.corpus import read_text_file
from tests.conftest import REPO_ROOT, SEEDS_DIR


def lint_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["lint", "--format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def seed(prefix: str):
    return next(SEEDS_DIR.glob(f"{prefix}_*.txt"))


# What each seed really has wrong, and the info-level notes a reader agreed with; nothing else may appear.
EXPECTED = {
    "000": ({"GW107", "GW301"}, set(), 6),
    "001": ({"GW102", "GW201"}, {"GW108", "GW304"}, 12),
    "002": ({"GW201", "GW301"}, {"GW304"}, 6),
    "003": ({"GW301", "GW501", "GW201"}, {"GW304"}, 8),
    "004": ({"GW103", "GW201", "GW301"}, {"GW304"}, 8),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_reports_its_real_defects_and_little_else(capsys, prefix):
    must, may, most = EXPECTED[prefix]
    code, findings = lint_json(capsys, str(seed(prefix)))
    found = {f["code"] for f in findings}
    assert code == 1
    assert must <= found, f"missing {must - found}"
    assert found <= must | may, f"unexpected {found - must - may}: {[f['message'] for f in findings]}"
    assert len(findings) <= most, [f["message"] for f in findings]


def test_seed_defects_are_the_right_ones(capsys):
    _, f000 = lint_json(capsys, str(seed("000")))
    (first,) = [f for f in f000 if f["code"] == "GW107"]
    assert "首先" in first["message"] and first["line"] == 21
    assert sum(len(f.get("spots", [])) or 1 for f in f000 if f["code"] == "GW301") >= 18  # every ×

    _, f001 = lint_json(capsys, str(seed("001")))
    (dup,) = [f for f in f001 if f["code"] == "GW102"]
    assert dup["line"] == 13 and "第三" in dup["message"] and "第14行" in dup["message"]

    _, f002 = lint_json(capsys, str(seed("002")))
    text002 = read_text_file(seed("002")).text
    placeholders = {text002[s["offset"] : s["offset"] + s["length"]] for f in f002 if f["code"] == "GW301" for s in f["spots"]}
    assert {"x", "xx", "***"} <= placeholders
    half = next(f for f in f002 if f["code"] == "GW201")
    assert len(half["spots"]) > 300 and half["fix"]["safe"]

    _, f003 = lint_json(capsys, str(seed("003")))
    text003 = read_text_file(seed("003")).text
    spots = [text003[s["offset"] : s["offset"] + s["length"]] for f in f003 if f["code"] == "GW301" for s in f["spots"]]
    assert {"XX", "X"} <= set(spots)
    assert not any(f["line"] in (20, 22) for f in f003)  # the "X  X  X" separator lines are not placeholders

    _, f004 = lint_json(capsys, str(seed("004")))
    (marker,) = [f for f in f004 if f["code"] == "GW103"]
    assert len(marker["spots"]) == 8 and "「1、」" in marker["message"] and "「1.」" in marker["message"]
    assert not any(f["code"] == "GW201" and f["line"] in (8, 9, 10, 11) for f in f004)  # web junk left alone


def test_clean_professional_text_produces_nothing_above_info(capsys, tmp_path):
    """Seeds 001 and 003 with their real defects corrected by hand must come out clean."""
    text001 = read_text_file(seed("001")).text
    text001 = text001.replace("?", "？").replace(";", "；").replace("第三，要提质增效", "再次，要提质增效")
    text001 = text001.replace("第三，要树立正确选人用人导向", "再次，要树立正确选人用人导向")
    text003 = read_text_file(seed("003")).text
    text003 = re.sub(r"XXX|XX", "张明", text003).replace("X%", "5%").replace("第X", "第3")
    text003 = re.sub(r"(?<=[\d月])X|X(?=[个日亿])", "3", text003).replace(",", "，").replace("其它", "其他")
    text003 = re.sub(r"(?m)^X[ X]*$", "", text003)
    for name, text in (("001.txt", text001), ("003.txt", text003)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        code, findings = lint_json(capsys, str(path))
        serious = [f["message"] for f in findings if f["level"] != "info"]
        assert serious == [] and code == 0, (name, serious)


def test_json_fields_positions_and_fix(capsys, tmp_path):
    path = tmp_path / "稿.txt"
    text = "一、总体要求\r\n1、加强领导,压实责任\r\n"
    path.write_bytes(text.encode("utf-8"))
    code, findings = lint_json(capsys, str(path))
    assert code == 1
    by_code = {f["code"]: f for f in findings}
    marker = by_code["GW103"]
    assert set(marker) >= {"file", "code", "name", "level", "message", "line", "column", "offset", "length", "fix"}
    assert (marker["line"], marker["column"], marker["offset"], marker["length"]) == (2, 1, 7, 2)
    assert marker["fix"] == {"offset": 7, "length": 2, "replacement": "1.", "label": "改为“1.”", "safe": True}
    comma = by_code["GW201"]
    assert (comma["line"], comma["column"], comma["offset"]) == (2, 7, 13)
    assert comma["name"] == "halfwidth-punct" and comma["level"] == "warning"


def test_text_output_and_exit_codes(capsys, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("一、提高认识\n二、压实责任\n", encoding="utf-8")
    assert main(["lint", str(clean)]) == 0
    assert capsys.readouterr().out == ""
    info_only = tmp_path / "info.txt"
    info_only.write_text("首先，要明确目标。其次，要转型升级。第三，要提质增效。\n", encoding="utf-8")
    assert main(["lint", str(info_only)]) == 0
    assert "GW108" in capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_text("一、提高认识\n三、压实责任\n", encoding="utf-8")
    assert main(["lint", str(bad)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{bad}:2:1: GW101 ")
    assert main(["lint", str(tmp_path / "missing.txt"), str(bad)]) == 2
    captured = capsys.readouterr()
    assert "missing.txt" in captured.err and "不存在" in captured.err and "GW101" in captured.out
    assert main(["lint", "--select", "GW999", str(bad)]) == 2
    assert "GW999" in capsys.readouterr().err
    assert main(["lint", "--ignore", "GW1", str(bad)]) == 0


def test_fix_keeps_encoding_newlines_and_bom(capsys, tmp_path):
    path = tmp_path / "稿.txt"
    text = "同志们:\r\n一、总体要求\r\n1、加强领导,压实责任。XX同志要抓好落实。\r\n(1)明确目标\r\n"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("一、总体要求\n1、加强领导,压实责任\n".encode("gb18030"))
    code = main(["lint", "--fix", str(path), str(gbk)])
    capsys.readouterr()
    assert code == 1  # the placeholder is still there: it has no fix
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data[3:].decode("utf-8") == "同志们：\r\n一、总体要求\r\n1.加强领导，压实责任。XX同志要抓好落实。\r\n（1）明确目标\r\n"
    assert gbk.read_bytes().decode("gb18030") == "一、总体要求\n1.加强领导，压实责任\n"
    code, findings = lint_json(capsys, str(path))
    assert {f["code"] for f in findings} == {"GW301"}
    assert not list(tmp_path.glob(".*.tmp"))


def test_docx_is_read_and_fix_is_refused(capsys, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.add_paragraph("1、加强领导,压实责任")
    path = tmp_path / "稿.docx"
    document.save(str(path))
    code, findings = lint_json(capsys, str(path))
    assert code == 1 and {"GW103", "GW201"} <= {f["code"] for f in findings}
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 2
    assert "Word" in capsys.readouterr().err
    assert path.read_bytes() == before
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    assert main(["lint", str(broken)]) == 2
    assert "坏.docx" in capsys.readouterr().err


def test_bank_folder_enables_corpus_copy(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "范文.txt").write_text("要以钉钉子精神一抓到底，确保抓一件成一件、件件有着落。\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("我们要以钉钉子精神一抓到底，确保抓一件成一件、件件有着落。\n", encoding="utf-8")
    _, without = lint_json(capsys, str(draft))
    assert not [f for f in without if f["code"] == "GW306"]
    draft.write_text("要以钉钉子精神一抓到底，确保抓一件成一件、件件有着落。\n", encoding="utf-8")
    _, found = lint_json(capsys, "--bank", str(corpus), str(draft))
    (hit,) = [f for f in found if f["code"] == "GW306"]
    assert "范文.txt" in hit["message"]


def test_lint_runs_as_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "lint", str(seed("001"))],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 1
    assert ": GW102 " in result.stdout


@pytest.mark.parametrize(
    ("title", "named"),
    [("在全市工作会议上的讲话", "《在全市工作会议上的讲话》"), ("范文", "《范文.txt》")],  # no title: the file
)
def test_phrase_bank_file_enables_corpus_copy(capsys, tmp_path, title, named):
    from desktop.core.bank.store import PhraseBank

    bank_path = tmp_path / "bank.sqlite"
    sentence = "要以钉钉子精神一抓到底，确保抓一件成一件、件件有着落。"
    with PhraseBank.open(bank_path) as bank, bank.transaction():
        bank.store_document(
            path=str(tmp_path / "范文.txt"), name="范文.txt", title=title, text=sentence + "\n",
            content_hash="0" * 64, size=len(sentence), phrases=[],
        )
    draft = tmp_path / "draft.txt"
    draft.write_text(sentence + "\n", encoding="utf-8")
    _, found = lint_json(capsys, "--bank", str(bank_path), str(draft))
    (hit,) = [f for f in found if f["code"] == "GW306"]
    assert f"与范文{named}中的原句完全相同" in hit["message"]


def test_ignore_list_beside_the_draft_is_honoured(capsys, tmp_path):
    from desktop.core.lint import Linter, Suppression, load_config
    from desktop.core.lint.config import save_suppressions, suppressions_path

    draft = tmp_path / "稿.txt"
    text = "与其它市区相比。\n截止6月底，完成任务。\n"
    draft.write_text(text, encoding="utf-8")
    result = Linter(load_config(use_user_file=False)).lint(text)
    first = next(d for d in result.diagnostics if "其它" in d.message)
    save_suppressions(suppressions_path(draft), [Suppression.for_diagnostic(text, first)])
    _, findings = lint_json(capsys, str(draft))
    assert [f["line"] for f in findings if f["code"] == "GW501"] == [2]


def test_docx_with_word_numbering_is_checked_by_the_markers_word_shows(capsys, tmp_path):
    from tests.unit.export.docx_builder import level, paragraph, write_docx

    numbering = (
        '<w:abstractNum w:abstractNumId="1">' + level(0, "chineseCounting", "%1、") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
    )
    body = "".join([
        paragraph("关于做好防汛工作的讲话"),
        paragraph("同志们："),
        paragraph("提高认识", num=(1, 0)),
        paragraph("今年汛期形势复杂，各级务必高度重视。"),
        paragraph("压实责任", num=(2, 0)),  # Word shows 三、 here: 二、 is skipped
        paragraph("各级要把责任落实到人。"),
    ])  # fmt: skip
    path = write_docx(tmp_path / "numbered.docx", body, numbering=numbering)
    code, findings = lint_json(capsys, str(path))
    assert code == 1
    gaps = [f for f in findings if f["code"] == "GW101"]
    assert len(gaps) == 1 and gaps[0]["line"] == 5, findings
