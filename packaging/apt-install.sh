#!/bin/sh
# Installs the Debian packages given that are not installed yet, then touches STAMP (for make).
#     sh packaging/apt-install.sh STAMP WHAT PACKAGE...
# WHAT names the packages in messages ("system packages", "benchmark peers"). As root it runs
# apt-get; otherwise it prints the one command to run and fails. system-deps.sh and
# bench-deps.sh list the packages and call this.
set -eu
STAMP=$1
WHAT=$2
shift 2

missing=""
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing $WHAT:$missing (install them with your package manager)." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing $WHAT; run: sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "Installing $WHAT:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
