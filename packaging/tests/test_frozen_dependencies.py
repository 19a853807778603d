"""The app's data-carrying dependencies work frozen under the bundle's rules, before any feature uses them.

A small probe is frozen with the same hidden imports, exclusions and filters as packaging/gongwen.spec:
jieba must segment with its dictionary (without pkg_resources, which the bundle drops), pypinyin must
know a polyphone from its phrase data, python-docx must save from its default template with its
own header and footer parts.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import io, sys
import docx, jieba, pypinyin
jieba.setLogLevel(60)
words = jieba.lcut("久久为功推动高质量发展")
initials = "".join(pypinyin.lazy_pinyin("重庆", style=pypinyin.Style.FIRST_LETTER))
document = docx.Document()
document.add_paragraph("同志们：")
section = document.sections[0]
section.footer.is_linked_to_previous = False  # reads docx/parts/../templates/default-footer.xml
section.header.is_linked_to_previous = False
buffer = io.BytesIO()
document.save(buffer)
print("|".join(words), initials, len(buffer.getvalue()))
"""

SPEC = """
import sys
sys.path.insert(0, {packaging!r})
import bundle_rules
a = Analysis(
    [{script!r}],
    hiddenimports=bundle_rules.RUNTIME_PACKAGES,
    excludes=bundle_rules.EXCLUDED_MODULES,
    module_collection_mode=bundle_rules.MODULE_COLLECTION_MODE,
)
unused = bundle_rules.unused_optional_data({desktop!r})
a.datas = [e for e in a.datas if bundle_rules.keep(e[0], unused)]
a.binaries = [e for e in a.binaries if bundle_rules.keep(e[0], unused)]
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="probe", console=True)
coll = COLLECT(exe, a.binaries, a.datas, name="probe")
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    from conftest import REPO_ROOT

    work = tmp_path_factory.mktemp("probe")
    (work / "probe.py").write_text(PROBE, encoding="utf-8")
    (work / "probe.spec").write_text(
        SPEC.format(
            packaging=str(REPO_ROOT / "packaging"),
            script=str(work / "probe.py"),
            desktop=str(REPO_ROOT / "desktop"),
        ),
        encoding="utf-8",
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(work / "probe.spec"),
        ],
        cwd=work,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return work / "dist" / "probe"


def test_frozen_jieba_pypinyin_and_docx(probe, tmp_path):
    result = subprocess.run(
        [str(probe / "probe")],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    words, initials, docx_bytes = result.stdout.split()
    assert "高质量" in words.split("|")  # a dictionary word, not single characters
    assert initials == "cq"  # 重 read as chong in 重庆: phrase data, not the per-character default
    assert int(docx_bytes) > 10_000
    assert not (probe / "_internal" / "pkg_resources").exists()
