/* CNCurses: ncursesw for Swift. Wide-character declarations need NCURSES_WIDECHAR before the
 * include (SwiftPM drops pkg-config's -D flags); macros and shared globals become functions. */
#ifndef HKBILL_CNCURSES_SHIM_H
#define HKBILL_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *hk_stdscr(void) { return stdscr; }
static inline int hk_lines(void) { return LINES; }
static inline int hk_cols(void) { return COLS; }
static inline int hk_colors(void) { return COLORS; }
static inline int hk_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t hk_a_normal(void) { return A_NORMAL; }
static inline attr_t hk_a_bold(void) { return A_BOLD; }
static inline attr_t hk_a_reverse(void) { return A_REVERSE; }
static inline attr_t hk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hk_a_dim(void) { return A_DIM; }
static inline attr_t hk_a_standout(void) { return A_STANDOUT; }
static inline attr_t hk_color_pair(int n) { return COLOR_PAIR(n); }
static inline int hk_key_resize(void) { return KEY_RESIZE; }
static inline int hk_key_mouse(void) { return KEY_MOUSE; }
static inline int hk_set_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &c);
}
static inline int hk_wcwidth(wchar_t c) { return wcwidth(c); }
#endif
