#!/usr/bin/env bash
# Install the Debian/Ubuntu packages Gongwen needs to run and to be tested:
# Qt's xcb/EGL libraries, Chinese fonts, Xvfb for screenshots, LibreOffice and poppler for render tests,
# and a C compiler for the compiled mining modules (with Python's headers when $PYTHON lacks them).
# Installs only what is missing, and only as root on a system with apt-get; otherwise it says what to install.
set -euo pipefail

PACKAGES=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libx11-xcb1
  fonts-noto-cjk xvfb xauth xdotool strace desktop-file-utils
  libreoffice-writer-nogui poppler-utils gcc libc6-dev
)
if ! "${PYTHON:-python3}" -c 'import os, sys, sysconfig
sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
  PACKAGES+=(python3-dev)
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: not a Debian-based system; install the equivalents of: ${PACKAGES[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "install-system-deps: missing (run as root or: sudo apt-get install ${missing[*]})" >&2
  exit 0
fi
echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
