/* CNCurses: ncursesw for Swift. Wide-character declarations need NCURSES_WIDECHAR before the
 * include (SwiftPM drops pkg-config's -D flags); macros and shared globals become functions. */
#ifndef HKBILL_CNCURSES_SHIM_H
#define HKBILL_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

/* Screen setup without initscr, which exits the process when TERM is unknown: newterm returns
 * NULL instead. stdin/stdout are shared mutable globals Swift 6 rejects, so they are named here. */
static inline SCREEN *hk_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
/* A screen on explicit descriptors (a pty in tests and benchmarks). The FILEs wrap dup()s of
 * the descriptors; they are handed back so the caller can fclose them after delscreen. */
static inline SCREEN *hk_newterm_fds(const char *term, int outfd, int infd, FILE **outfile, FILE **infile) {
    *outfile = NULL; *infile = NULL;
    int o = dup(outfd), i = dup(infd);
    if (o < 0 || i < 0) { if (o >= 0) close(o); if (i >= 0) close(i); return NULL; }
    FILE *out = fdopen(o, "w"), *in = fdopen(i, "r");
    if (!out || !in) { if (out) fclose(out); else close(o); if (in) fclose(in); else close(i); return NULL; }
    SCREEN *screen = newterm(term, out, in);
    if (!screen) { fclose(out); fclose(in); return NULL; }
    *outfile = out; *infile = in;
    return screen;
}
/* True when the current locale (after setlocale) encodes text as UTF-8. */
static inline int hk_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0 || strcmp(cs, "utf-8") == 0);
}
/* Mouse button masks (function-like macros in curses.h). */
static inline mmask_t hk_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t hk_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t hk_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t hk_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t hk_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int hk_key_f0(void) { return KEY_F0; }
#endif
