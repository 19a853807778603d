#!/usr/bin/env bash
# Look at an export as it will print: draft (.txt/.docx) → .docx → PDF (LibreOffice) → PNG pages.
# Usage: scripts/render_docx.sh DRAFT [PROFILE] [OUT_DIR] [DPI]
#   PROFILE: gongwen (default), speech or a .toml path; OUT_DIR defaults to out/render; DPI to 60.
#   COMMENTS=1 scripts/render_docx.sh …: export with the findings as Word comments and render them: in the
#   page margin with LibreOffice 7.5 and later, as PDF comments (a note mark at each) before that; their
#   texts are listed after the pages.
set -euo pipefail

draft=${1:?usage: scripts/render_docx.sh DRAFT [PROFILE] [OUT_DIR] [DPI]}
profile=${2:-gongwen}
out_dir=${3:-out/render}
dpi=${4:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
[[ -x $python ]] || python=python3

mkdir -p "$out_dir"
name=$(basename "${draft%.*}")
docx="$out_dir/$name.docx"
comments=()
pdf_filter=pdf
if [[ ${COMMENTS:-} == 1 ]]; then
  comments=(--comments)
  pdf_filter='pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
fi
PYTHONPATH="$root${PYTHONPATH:+:$PYTHONPATH}" "$python" -m desktop export "$draft" -o "$docx" --profile "$profile" \
  "${comments[@]}"

# A private LibreOffice profile: works while another LibreOffice is open, leaves the user's alone.
lo_profile=$(mktemp -d)
# Show each font role in a look-alike when the office fonts are missing (the .docx is not changed).
[[ -f /etc/fonts/fonts.conf ]] && export FONTCONFIG_FILE="$root/scripts/preview-fonts.conf"
trap 'rm -rf "$lo_profile"' EXIT
soffice "-env:UserInstallation=file://$lo_profile" --headless --convert-to "$pdf_filter" --outdir "$out_dir" "$docx" \
  >/dev/null
pdf="$out_dir/$name.pdf"
rm -f "$out_dir/$name"-*.png
# poppler finds LibreOffice's comment marks zero-sized and says so on every one: that line is noise
pdftoppm -r "$dpi" -png "$pdf" "$out_dir/$name" 2> >(grep -v "Bad bounding box for annotation" >&2)
pdfinfo "$pdf" | grep -E '^(Pages|Page size)'
ls "$out_dir/$name"-*.png
if [[ ${COMMENTS:-} == 1 ]]; then
  PYTHONPATH="$root" "$python" - "$pdf" <<'PY'
import sys

import pypdf

for number, page in enumerate(pypdf.PdfReader(sys.argv[1]).pages, 1):
    for note in page.get("/Annots") or []:
        note = note.get_object()
        if note.get("/Subtype") == "/Text":
            print(f"第 {number} 页批注（{str(note.get('/T', '')).split(',')[0]}）：{note.get('/Contents', '')}")
PY
fi
