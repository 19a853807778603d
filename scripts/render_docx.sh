#!/usr/bin/env bash
# Look at an export as it will print: draft (.txt/.docx) → .docx → PDF (LibreOffice) → PNG pages.
# Usage: scripts/render_docx.sh DRAFT [PROFILE] [OUT_DIR] [DPI]
#   PROFILE: gongwen (default), speech or a .toml path; OUT_DIR defaults to out/render; DPI to 60.
#   COMMENTS=1 scripts/render_docx.sh …: export with the findings as Word comments and show them on the pages:
#   each comment LibreOffice reads becomes a footnote (author and text) after the text it marks, which is
#   shaded (scripts/comments_pdf.py; docs/EXPORT.md says why).
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
[[ ${COMMENTS:-} == 1 ]] && comments=(--comments)
PYTHONPATH="$root${PYTHONPATH:+:$PYTHONPATH}" "$python" -m desktop export "$draft" -o "$docx" --profile "$profile" \
  "${comments[@]}"

# A private LibreOffice profile: works while another LibreOffice is open, leaves the user's alone.
lo_profile=$(mktemp -d)
# Show each font role in a look-alike when the office fonts are missing (the .docx is not changed).
[[ -f /etc/fonts/fonts.conf ]] && export FONTCONFIG_FILE="$root/scripts/preview-fonts.conf"
trap 'rm -rf "$lo_profile"' EXIT
pdf="$out_dir/$name.pdf"
if [[ ${COMMENTS:-} == 1 ]]; then
  "$python" "$root/scripts/comments_pdf.py" "$docx" "$pdf"
else
  soffice "-env:UserInstallation=file://$lo_profile" --headless --convert-to pdf --outdir "$out_dir" "$docx" >/dev/null
fi
rm -f "$out_dir/$name"-*.png
pdftoppm -r "$dpi" -png "$pdf" "$out_dir/$name"
pdfinfo "$pdf" | grep -E '^(Pages|Page size)'
ls "$out_dir/$name"-*.png
