#!/bin/sh
# Renders the README's screenshots: the sample newsroom, in Vietnamese and English, offscreen;
# then the window at the common screen sizes (docs/window-*.png), the Notes panel open at 1366x768.
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
shot() {  # shot NAME SIZE SCALE [--notes]
  name=$1 size=$2 scale=$3
  shift 3
  XDG_CONFIG_HOME="$tmp/cfg" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" QT_QPA_PLATFORM=offscreen \
    QT_SCALE_FACTOR="$scale" .venv/bin/python docs/window_screenshots.py --store "$tmp/sample.sqlite" \
    "docs/window-$name.png" "$size" "$@"
}
shot 1280x720 1280x720 1
shot 1366x768 1366x768 1 --notes
shot 1920x1080 1920x1080 1
shot 150pct 1280x720 1.5  # 150 % on a 1920x1080 screen: 1280x720 of room, drawn 1.5 times larger
rm -rf "$tmp"
