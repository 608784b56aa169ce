#!/bin/sh
# Renders the README's screenshots: the sample newsroom, in Vietnamese and English, offscreen.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
mkdir -p "$tmp/cfg/newsroom-desktop"
printf '{"profile_name": "Ngọc Hậu", "profile_role": "reporter"}' > "$tmp/cfg/newsroom-desktop/settings.json"
for lang in vi en; do
  suffix=$([ "$lang" = vi ] && echo "" || echo "-en")
  XDG_CONFIG_HOME="$tmp/cfg" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" QT_QPA_PLATFORM=offscreen \
    .venv/bin/newsroom-desktop --store "$tmp/sample.sqlite" --lang "$lang" --screenshot "docs/screenshot$suffix.png"
done
rm -rf "$tmp"
