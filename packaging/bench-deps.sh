#!/bin/sh
# Installs the Debian packages the benchmarks compare the app with (the peers), and what runs
# them: ghostwriter (a Qt Markdown editor: start to first window, bench/bench_start.py), Xvfb
# to show both windows on, libX11 through which the bench watches the windows map, and zstd,
# which compresses a plain copy of the store beside our automatic backups (bench_size.py), and
# libvips-tools, whose vipsthumbnail ingests photos beside ours (bench_ingest.py), and cmark, the
# CommonMark reference converter, beside our export (bench_export_peer.py).
# apt-install.sh installs what is missing (as root; otherwise it prints the command to run).
set -eu
PACKAGES="ghostwriter xvfb libx11-6 zstd libvips-tools cmark"
STAMP="${1:-.venv/.bench-deps}"

exec sh "$(dirname "$0")/apt-install.sh" "$STAMP" "benchmark peers" $PACKAGES
