#!/bin/sh
# Installs the Debian packages the benchmarks compare the app with (the peers), and what runs
# them: ghostwriter (a Qt Markdown editor: start to first window, bench/bench_start.py), Xvfb
# to show both windows on, libX11 through which the bench watches the windows map, and zstd,
# which compresses a plain copy of the store beside our automatic backups (bench_size.py), and
# libvips-tools, whose vipsthumbnail ingests photos beside ours (bench_ingest.py), and cmark, the
# CommonMark reference converter, beside our export (bench_export_peer.py).
# As root it runs apt-get; otherwise it prints the one command to run and fails.
set -eu
PACKAGES="ghostwriter xvfb libx11-6 zstd libvips-tools cmark"
STAMP="${1:-.venv/.bench-deps}"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing benchmark peers:$missing (install them with your package manager)." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing benchmark peers; run: sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "Installing benchmark peers:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
