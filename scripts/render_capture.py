#!/usr/bin/python3
"""Render a coloured tmux capture (`tmux capture-pane -e -p`) to a PNG.

Used by scripts/screens.sh to keep the README's pictures true to what the console draws.
Needs Debian's python3-pil and fonts-dejavu-core. Usage: render_capture.py CAPTURE.ans OUT.png COLS ROWS
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
BASE16 = [(0x1c, 0x1c, 0x1c), (0xcd, 0x31, 0x31), (0x0d, 0xbc, 0x79), (0xe5, 0xe5, 0x10),
          (0x24, 0x72, 0xc8), (0xbc, 0x3f, 0xbc), (0x11, 0xa8, 0xcd), (0xe5, 0xe5, 0xe5),
          (0x66, 0x66, 0x66), (0xf1, 0x4c, 0x4c), (0x23, 0xd1, 0x8b), (0xf5, 0xf5, 0x43),
          (0x3b, 0x8e, 0xea), (0xd6, 0x70, 0xd6), (0x29, 0xb8, 0xdb), (0xff, 0xff, 0xff)]
DEFAULT_FG, DEFAULT_BG = (0xd4, 0xd4, 0xd4), (0x1e, 0x1e, 0x1e)


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(text, cols, rows):
    """Cells as (char, fg, bg, bold) per row, applying SGR sequences."""
    grid = []
    fg, bg, bold, reverse = None, None, False, False
    for line in text.split("\n")[:rows]:
        row = []
        i = 0
        while i < len(line):
            m = re.match(r"\x1b\[([0-9;]*)m", line[i:])
            if m:
                codes = [int(c) if c else 0 for c in m.group(1).split(";")]
                j = 0
                while j < len(codes):
                    c = codes[j]
                    if c == 0:
                        fg, bg, bold, reverse = None, None, False, False
                    elif c == 1:
                        bold = True
                    elif c == 22:
                        bold = False
                    elif c == 7:
                        reverse = True
                    elif c == 27:
                        reverse = False
                    elif 30 <= c <= 37:
                        fg = BASE16[c - 30]
                    elif 90 <= c <= 97:
                        fg = BASE16[c - 90 + 8]
                    elif 40 <= c <= 47:
                        bg = BASE16[c - 40]
                    elif 100 <= c <= 107:
                        bg = BASE16[c - 100 + 8]
                    elif c == 39:
                        fg = None
                    elif c == 49:
                        bg = None
                    elif c in (38, 48) and j + 2 < len(codes) and codes[j + 1] == 5:
                        col = xterm256(codes[j + 2])
                        if c == 38:
                            fg = col
                        else:
                            bg = col
                        j += 2
                    elif c in (38, 48) and j + 4 < len(codes) and codes[j + 1] == 2:
                        col = tuple(codes[j + 2:j + 5])
                        if c == 38:
                            fg = col
                        else:
                            bg = col
                        j += 4
                    j += 1
                i += len(m.group(0))
                continue
            if line[i] == "\x1b":
                i += 1
                continue
            f, b = fg or DEFAULT_FG, bg or DEFAULT_BG
            if reverse:
                f, b = b, f
            row.append((line[i], f, b, bold))
            i += 1
        grid.append(row)
    while len(grid) < rows:
        grid.append([])
    return grid


def main():
    src, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    text = open(src, encoding="utf-8", errors="replace").read()
    font, bold_font = ImageFont.truetype(FONT, 15), ImageFont.truetype(BOLD, 15)
    cw, ch = 9, 18
    img = Image.new("RGB", (cols * cw + 16, rows * ch + 16), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(parse(text, cols, rows)):
        x = 0
        for char, fg, bg, bold in row:
            w = width(char)
            if w == 0:
                continue
            px, py = 8 + x * cw, 8 + y * ch
            draw.rectangle([px, py, px + w * cw - 1, py + ch - 1], fill=bg)
            draw.text((px, py), char, font=bold_font if bold else font, fill=fg)
            x += w
    img.save(out)


if __name__ == "__main__":
    main()
