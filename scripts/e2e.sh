#!/usr/bin/env bash
# End-to-end: drives the real hkbill binary in tmux the way a support agent does, on the sandbox
# both in-process (--demo) and over loopback (hkbill sandbox serve + libcurl), checking the screen
# after each step and, over loopback, the sandbox's log of what was actually sent.
# Run by `make test` (HKBILL_BIN points at the built binary). On failure it prints the screen.
set -euo pipefail

BIN=${HKBILL_BIN:-$(swift build --show-bin-path)/hkbill}
WORK=$(mktemp -d /tmp/hkbill-e2e.XXXXXX)
SOCK_BASE="hkbill-e2e-$$"
SOCK="$SOCK_BASE-start"
SESSION=e2e
SERVER_PID=""
STEP="start"
export HOME="$WORK/home" HKBILL_CONFIG_DIR="$WORK/config" HKBILL_STATE_DIR="$WORK/state" LANG=C.UTF-8 LC_ALL=C.UTF-8
unset HOSTKEY_TOKEN HOSTKEY_API_KEY HOSTKEY_TOKEN_FILE HOSTKEY_API_URL NO_COLOR || true
mkdir -p "$HOME"

t() { tmux -L "$SOCK" "$@"; }
screen() { t capture-pane -p -t "$SESSION" 2>/dev/null || true; }

cleanup() {
    for s in demo loopback; do tmux -L "$SOCK_BASE-$s" kill-server 2>/dev/null || true; done
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK_BASE"-*
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "e2e FAILED at step '$STEP' ($MODE): $1" >&2
    echo "----- captured screen -----" >&2
    screen >&2
    echo "---------------------------" >&2
    if [ -n "${LOG:-}" ] && [ -f "$LOG" ]; then echo "----- sandbox request log (tail) -----" >&2; tail -n 20 "$LOG" >&2; fi
    exit 1
}

# wait_for TEXT [seconds]: until the screen shows TEXT (fixed string).
wait_for() {
    local text=$1 limit=${2:-10} i=0
    while [ $i -lt $((limit * 20)) ]; do
        if screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    fail "expected to see '$text'"
}

# maybe_wait TEXT [seconds]: like wait_for, but only waits (for optional intermediate screens).
maybe_wait() {
    local text=$1 limit=${2:-3} i=0
    while [ $i -lt $((limit * 20)) ]; do
        if screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    return 0
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
    local text=$1 i=0
    while [ $i -lt 200 ]; do
        if ! screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    fail "expected '$text' to go away"
}

# keys K...: one key at a time, so an Escape is never read together with the next key as Alt+key.
keys() { for k in "$@"; do t send-keys -t "$SESSION" "$k"; sleep 0.08; done; sleep 0.1; }
type_text() { t send-keys -t "$SESSION" -l "$1"; sleep 0.15; }

# log_count ACTION: how many times the loopback sandbox received ACTION.
log_count() { grep -c "^$1 " "$LOG" 2>/dev/null || true; }

expect_sent() {
    local action=$1 n=$2
    [ "$MODE" = loopback ] || return 0
    local got
    got=$(log_count "$action")
    [ "$got" = "$n" ] || fail "the sandbox received $action $got times, expected $n"
}

# The demo's fixture ids come from the sandbox banner (same seed as --demo).
start_server() {
    LOG="$WORK/requests.log"
    "$BIN" sandbox serve --port 0 --seed 1 --log "$LOG" > "$WORK/serve.out" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do grep -q "demo token" "$WORK/serve.out" 2>/dev/null && break; sleep 0.05; done
    URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/serve.out")
    TOKEN=$(sed -n 's/.*demo token: *\([0-9a-f]*\).*/\1/p' "$WORK/serve.out")
    PAYABLE=$(sed -n 's/.*try: invoice \([0-9]*\).*/\1/p' "$WORK/serve.out")
    UNPAID=$(sed -n 's/.*unpaid \([0-9,]*\);.*/\1/p' "$WORK/serve.out")
    SERVER=$(sed -n 's/.*server \([0-9]*\) (cancellable).*/\1/p' "$WORK/serve.out")
    [ -n "$URL" ] && [ -n "$TOKEN" ] && [ -n "$PAYABLE" ] && [ -n "$SERVER" ] || { cat "$WORK/serve.out"; echo "e2e: sandbox did not start" >&2; exit 1; }
}

run_console() {
    local cmd=$1
    # A tmux server of its own per walk: reusing a socket whose server is still shutting down
    # makes the next new-session fail with "server exited unexpectedly".
    t kill-server 2>/dev/null || true
    SOCK="$SOCK_BASE-$MODE"
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
    t -f /dev/null new-session -d -s "$SESSION" -x 120 -y 40 "$cmd; echo \"EXIT=\$?\"; sleep 60"
    t set-option -t "$SESSION" remain-on-exit on >/dev/null
}

walk() {
    STEP="open the customer"
    wait_for "RUB" 15

    STEP="find an unpaid invoice with the filter"
    keys /
    type_text "$PAYABLE"
    keys Enter
    wait_for "$PAYABLE"
    keys Enter
    STEP="open it"
    wait_for "Unpaid"

    STEP="apply credit"
    keys a
    maybe_wait "Amount"
    keys Enter           # submit the amount form (defaults to min(credit, balance))
    wait_for "Will send:"
    screen | grep -q "invoice_id *$PAYABLE" || fail "the confirmation does not show invoice_id $PAYABLE"
    screen | grep -q "action *apply_credit" || fail "the confirmation does not show the action"
    keys Enter           # confirm: exactly what is sent is on screen
    wait_for "Esc: close" 10
    keys Enter           # close the result
    wait_gone "Will send:"
    wait_for "Paid" 10
    expect_sent apply_credit 1

    STEP="mark two unpaid invoices and mass pay"
    keys Escape
    keys /
    keys Escape          # clear the text filter
    keys u               # Unpaid only
    local a b
    a=$(echo "$UNPAID" | cut -d, -f1); b=$(echo "$UNPAID" | cut -d, -f2)
    [ "$a" != "$PAYABLE" ] || a=$(echo "$UNPAID" | cut -d, -f3)
    [ "$b" != "$PAYABLE" ] || b=$(echo "$UNPAID" | cut -d, -f3)
    wait_for "$a"
    keys g
    keys Space j Space
    keys m
    wait_for "Will send:"
    screen | grep -q "action *mass_pay" || fail "the confirmation does not show mass_pay"
    [ "$(screen | grep -c 'invoices\[\]')" -ge 2 ] || fail "the confirmation does not show both invoices"
    keys Enter
    wait_for "Esc: close" 10
    keys Enter
    wait_gone "Will send:"
    expect_sent mass_pay 1

    STEP="download a PDF"
    keys Escape
    keys u               # back to all invoices
    keys g Enter
    sleep 0.3
    keys d
    wait_for ".pdf" 10
    local pdf
    pdf=$(find "$HOME" -name 'invoice-*.pdf' | head -n 1)
    [ -n "$pdf" ] || fail "no invoice PDF was written under $HOME"
    [ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "$pdf is not a PDF"
    if command -v pdfinfo >/dev/null; then pdfinfo "$pdf" >/dev/null 2>&1 || fail "pdfinfo rejects $pdf"; fi

    STEP="cancellation wizard to the end"
    keys Escape
    keys :
    type_text "server $SERVER"
    keys Enter
    wait_for "$SERVER"
    keys x
    wait_for "Cancel" 5
    keys Enter           # 1 server -> 2 type
    keys 0 Enter         # end of billing period
    type_text "Moving to another provider"
    keys Enter           # 3 reason -> 4 review
    wait_for "cancellation_reason" 5
    keys Enter           # 4 review -> 5 confirm by typing the server id
    type_text "$SERVER"
    keys Enter
    wait_for "End of Billing Period" 10
    expect_sent request_cancellation 1
    if [ "$MODE" = loopback ]; then
        HOSTKEY_API_URL="$URL" HOSTKEY_TOKEN="$TOKEN" "$BIN" call get_cancellation_requests "id=$SERVER" | grep -q "\"relid\": $SERVER" \
            || fail "the request for server $SERVER is not listed by the API"
    fi
    keys Escape Escape

    STEP="resize"
    t resize-window -t "$SESSION" -x 80 -y 24
    sleep 0.4
    wait_for "RUB"
    t resize-window -t "$SESSION" -x 50 -y 15
    wait_for "too small"
    t resize-window -t "$SESSION" -x 200 -y 60
    wait_for "RUB"

    STEP="quit"
    keys Escape q
    wait_for "EXIT=0" 5
}

MODE=setup
start_server          # also tells the demo's fixture ids: --demo uses the same seed

MODE=demo
run_console "'$BIN' --demo"
walk

MODE=loopback
run_console "HOSTKEY_API_URL='$URL' HOSTKEY_TOKEN='$TOKEN' '$BIN'"
walk

echo "e2e: the demo and loopback walks completed"
