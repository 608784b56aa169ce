#!/bin/sh
# Installs the Debian packages the benchmarks compare us with (the peers): cmark, the
# CommonMark reference converter, for the export bench (bench/bench_export_peer.py).
# As root it runs apt-get; otherwise it prints the one command to run and fails.
set -eu
PACKAGES="cmark"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
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
