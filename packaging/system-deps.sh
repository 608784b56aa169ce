#!/bin/sh
# Installs the Debian packages the app and its tests need (Qt's xcb libraries, Xvfb and xdotool
# for the real-window test, exiftool and pandoc as independent oracles, fonts with Vietnamese,
# appstream and desktop-file-utils to validate the packaging metadata, and PostgreSQL's server
# binaries (initdb, pg_ctl, pg_dump) and openssl for the throw-away TLS server the tests start,
# and a D-Bus with GNOME Keyring: the Secret Service the password tests keep passwords in).
# As root it runs apt-get; otherwise it prints the one command to run and fails.
set -eu
PACKAGES="python3-venv xvfb xauth xdotool x11-utils libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 \
libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
libxcb-xkb1 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxrender1 libegl1 libgl1 libfontconfig1 \
libdbus-1-3 libglib2.0-0 fonts-dejavu-core fonts-noto-core libimage-exiftool-perl pandoc \
default-jre-headless poppler-utils appstream desktop-file-utils postgresql openssl dbus gnome-keyring"
STAMP="${1:-.venv/.system-deps}"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages:$missing (install them with your package manager)." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages; run: sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
