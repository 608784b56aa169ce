#!/bin/sh
# Installs the Debian packages the app and its tests need (Qt's xcb libraries, Xvfb and xdotool
# for the real-window test, exiftool and pandoc as independent oracles, fonts with Vietnamese,
# appstream and desktop-file-utils to validate the packaging metadata, and PostgreSQL's server
# binaries (initdb, pg_ctl, pg_dump) and openssl for the throw-away TLS server the tests start,
# and a D-Bus with GNOME Keyring: the Secret Service the password tests keep passwords in;
# libjpeg-turbo-progs: djpeg decodes only a crop's region of a big JPEG for web renditions).
# apt-install.sh installs what is missing (as root; otherwise it prints the command to run).
set -eu
PACKAGES="python3-venv xvfb xauth xdotool x11-utils libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 \
libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
libxcb-xkb1 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxrender1 libegl1 libgl1 libfontconfig1 \
libdbus-1-3 libglib2.0-0 fonts-dejavu-core fonts-noto-core libimage-exiftool-perl pandoc \
default-jre-headless poppler-utils appstream desktop-file-utils postgresql openssl dbus gnome-keyring \
libenchant-2-2 hunspell-vi hunspell-en-us libjpeg-turbo-progs"
STAMP="${1:-.venv/.system-deps}"

exec sh "$(dirname "$0")/apt-install.sh" "$STAMP" "system packages" $PACKAGES
