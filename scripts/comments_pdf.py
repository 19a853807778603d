"""A .docx to PDF with its comments readable on the pages, by LibreOffice (used by render_docx.sh COMMENTS=1).

Usage: comments_pdf.py DOCX PDF

LibreOffice 7.4 has no ExportNotesInMargin, and its PDF filter ignores the print setting
PrintAnnotationMode, so its PDF shows comments only as note icons. Instead LibreOffice runs
scripts/visible_comments.bas: each comment it reads from the file becomes a footnote (author and text) at
the end of the text it marks. The macro goes into a private profile, so this works while another
LibreOffice is open and leaves the user's own profile alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

MACRO = Path(__file__).with_name("visible_comments.bas")
SCRIPT = "vnd.sun.star.script:Gongwen.Comments.ExportWithVisibleComments?language=Basic&location=application"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE {} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{}">\n'
)


def install_macro(profile: Path) -> None:
    basic = profile / "user" / "basic"
    library = basic / "Gongwen"
    library.mkdir(parents=True, exist_ok=True)
    source = escape(MACRO.read_text(encoding="utf-8"), {'"': "&quot;"})
    (library / "Comments.xba").write_text(
        HEAD.format("script:module", "module.dtd")
        + '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Comments" '
        f'script:language="StarBasic">{source}</script:module>\n',
        encoding="utf-8",
    )
    (library / "script.xlb").write_text(
        HEAD.format("library:library", "library.dtd")
        + '<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Gongwen" '
        'library:readonly="false" library:passwordprotected="false">\n'
        ' <library:element library:name="Comments"/>\n</library:library>\n',
        encoding="utf-8",
    )
    index = basic / "script.xlc"
    text = index.read_text(encoding="utf-8")
    if 'library:name="Gongwen"' not in text:
        entry = ' <library:library library:name="Gongwen" library:link="false"/>\n'
        index.write_text(text.replace("</library:libraries>", entry + "</library:libraries>"),
                         encoding="utf-8")


def render(docx: Path, pdf: Path, office: str = "soffice", timeout: int = 300) -> None:
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp)
        command = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
        # the first start fills the new profile, and would overwrite a library put there before it
        subprocess.run([*command, "--terminate_after_init"], capture_output=True, timeout=timeout, check=True,
                       stdin=subprocess.DEVNULL)
        install_macro(profile)
        # A copy: LibreOffice's lock file for it stays in the temporary folder, and a lock left by a run that
        # was killed would make the next one wait on a question nobody can answer.
        copy = profile / "document.docx"
        shutil.copyfile(docx, copy)
        # percent-encoded file URLs reach the macro intact whatever the file names and the locale
        env = {**os.environ, "GONGWEN_COMMENTS_IN": copy.as_uri(),
               "GONGWEN_COMMENTS_OUT": pdf.resolve().as_uri()}
        subprocess.run([*command, SCRIPT], env=env, capture_output=True, timeout=timeout,
                       stdin=subprocess.DEVNULL)
    if not pdf.is_file():
        raise RuntimeError(f"LibreOffice did not render {docx} with its comments")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    try:
        render(Path(argv[0]), Path(argv[1]), office)
    except (RuntimeError, subprocess.SubprocessError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
