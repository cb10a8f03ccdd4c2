#!/usr/bin/env python3
"""Measures what `hkbill --demo` writes to a real terminal (a pty), for `make bench`:
start-up time to the first full screen, and the bytes written when the selection moves one row
and when the list scrolls one row, against a full redraw. Prints one `key value` line each.
Usage: pty_terminal.py HKBILL_BINARY [COLS ROWS]"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time


def spawn(binary, cols, rows, args=()):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execve(binary, [binary, "--demo", *args], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until_quiet(fd, quiet=0.25, limit=5.0):
    """All bytes until nothing arrives for `quiet` seconds."""
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def wait_for(fd, marker, limit=5.0):
    out = b""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
            if marker in out:
                return time.monotonic() - start, out
    return None, out


def stop(pid, fd):
    try:
        os.write(fd, b"q")
        time.sleep(0.2)
        os.kill(pid, 9)
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)


def main():
    binary = sys.argv[1]
    cols = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    # Start-up: from exec to the list's footer on screen (the first full screen).
    times = []
    for _ in range(7):
        t0 = time.monotonic()
        pid, fd = spawn(binary, cols, rows)
        took, _ = wait_for(fd, "Shown".encode())
        stop(pid, fd)
        if took is not None:
            times.append(took)
    if times:
        print("startup_ms", round(statistics.median(times) * 1000, 1))
    # Bytes: a customer with 1,000 invoices, so the list can scroll.
    pid, fd = spawn(binary, cols, rows, ["--invoices", "1000"])
    wait_for(fd, "Shown".encode())
    read_until_quiet(fd)
    # A full redraw, forced by a resize (SIGWINCH) there and back.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols - 1, 0, 0))
    os.kill(pid, 28)
    read_until_quiet(fd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, 28)
    full = len(read_until_quiet(fd))
    print("full_redraw_bytes", full)
    os.write(fd, b"j")
    move = len(read_until_quiet(fd))
    print("selection_move_bytes", move)
    # Scroll: go to the last visible row, then one more.
    os.write(fd, b"G")
    read_until_quiet(fd)
    os.write(fd, b"g")
    read_until_quiet(fd)
    visible = rows - 7
    os.write(fd, b"j" * (visible - 1))
    read_until_quiet(fd)
    os.write(fd, b"j")
    scroll = len(read_until_quiet(fd))
    print("scroll_one_row_bytes", scroll)
    stop(pid, fd)


if __name__ == "__main__":
    main()
