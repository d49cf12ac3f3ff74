#!/usr/bin/env bash
# Install the Debian/Ubuntu packages omgevingsscan needs beyond Python wheels.
#   tools/system_deps.sh          Qt's runtime libraries (to run the app), python3-venv
#                                 when `python3 -m venv` cannot work
#   tools/system_deps.sh --test   also Xvfb, poppler-utils and Chromium (for the tests)
# Both install PostgreSQL 15 + PostGIS 3 (the team's shared scan; the tests start a
# throwaway server from these packages).
# Does nothing when everything is there, or when apt-get is not available; uses sudo
# when not root and sudo works without a password.
set -euo pipefail
runtime=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-cursor0 libglib2.0-0 fonts-dejavu-core
  postgresql postgresql-15-postgis-3)
testing=(xvfb xauth poppler-utils chromium)
want=("${runtime[@]}")
[ "${1:-}" = "--test" ] && want+=("${testing[@]}")
# `python3 -m venv` (make run/test) needs ensurepip, which Debian ships in python3-venv.
py="${PYTHON:-python3}"
if command -v "$py" >/dev/null 2>&1 && ! "$py" -c "import ensurepip, venv" >/dev/null 2>&1; then
  want+=(python3-venv)
fi

command -v apt-get >/dev/null 2>&1 || exit 0
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; else
  echo "omgevingsscan: please install: ${missing[*]} (apt-get install)" >&2; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
