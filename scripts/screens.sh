#!/usr/bin/env bash
# Regenerates the README's pictures of the console: text captures (tmux capture-pane) and PNGs
# rendered from the coloured captures, of the main view, an invoice's detail and the
# cancellation wizard, all from `hkbill --demo`. Needs tmux, python3-pil and fonts-dejavu-core
# (installed when missing). Usage: scripts/screens.sh [COLS ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
COLS=${1:-120}
ROWS=${2:-40}
OUT=docs/screens
BIN=${HKBILL_BIN:-$(swift build --show-bin-path)/hkbill}
SOCK="hkbill-screens-$$"
for pkg in python3-pil fonts-dejavu-core tmux; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $pkg"
done
if [ -n "${missing:-}" ]; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y $missing
fi
[ -x "$BIN" ] || swift build --product hkbill
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"; rm -rf "$WORK"' EXIT
export HOME="$WORK" HKBILL_CONFIG_DIR="$WORK/config" HKBILL_STATE_DIR="$WORK/state" LANG=C.UTF-8 TERM=xterm-256color
t() { tmux -L "$SOCK" "$@"; }
t -f /dev/null new-session -d -s s -x "$COLS" -y "$ROWS" "'$BIN' --demo"
sleep 1.5

shot() {
    local name=$1
    sleep 0.6
    t capture-pane -p -t s > "$OUT/$name.txt"
    t capture-pane -e -p -t s > "$WORK/$name.ans"
    /usr/bin/python3 scripts/render_capture.py "$WORK/$name.ans" "$OUT/$name.png" "$COLS" "$ROWS"
    echo "wrote $OUT/$name.txt and $OUT/$name.png"
}

shot main
t send-keys -t s Enter
shot invoice-detail
t send-keys -t s Escape
SERVER=$(HOME="$WORK" "$BIN" sandbox serve --port 0 --seed 1 > "$WORK/serve.out" 2>&1 & sleep 0.8; kill %1 2>/dev/null; sed -n 's/.*server \([0-9]*\) (cancellable).*/\1/p' "$WORK/serve.out")
t send-keys -t s ":" ; t send-keys -t s -l "server $SERVER"; t send-keys -t s Enter
sleep 0.5
t send-keys -t s x
sleep 0.3
t send-keys -t s Enter 1 Enter
t send-keys -t s -l "Moving to our own data centre"
t send-keys -t s Enter
shot cancellation-wizard
t send-keys -t s Escape Escape Escape Escape q

# The README embeds the text captures and links the PNGs between its screens markers.
/usr/bin/python3 - "$OUT" <<'PY'
import re, sys
out = sys.argv[1]
def text(name):
    return open(f"{out}/{name}.txt", encoding="utf-8").read().rstrip()
block = f"""<!-- screens:begin -->
![The main view: the client profile with its 12-month chart, and the invoice list]({out}/main.png)

<details><summary>The same screen as text, and the invoice detail and the cancellation wizard</summary>

```
{text("main")}
```

![An invoice's detail]({out}/invoice-detail.png)

```
{text("invoice-detail")}
```

![The cancellation wizard, review step]({out}/cancellation-wizard.png)

```
{text("cancellation-wizard")}
```
</details>
<!-- screens:end -->"""
readme = open("README.md", encoding="utf-8").read()
readme = re.sub(r"<!-- screens:begin -->.*?<!-- screens:end -->", lambda m: block, readme, flags=re.S)
open("README.md", "w", encoding="utf-8").write(readme)
print("updated README.md")
PY
