/// The themes compiled into the binary, so the console always starts even with no theme files
/// installed. Their text is the same as `themes/default.theme` and `themes/mono.theme` (a test
/// keeps them equal).
enum BuiltInThemes {
    static let defaultTheme: Theme = parse(defaultText, name: "default")
    static let mono: Theme = parse(monoText, name: "mono")

    /// The built-in themes by name.
    static let all: [String: String] = ["default": defaultText, "mono": monoText]

    private static func parse(_ text: String, name: String) -> Theme {
        // The texts are fixed and tested; an unreadable one would still leave a usable plain theme.
        (try? ThemeParser.parse(text, file: "built-in \(name)"))?.theme(name: name) ?? Theme(name: name)
    }

    static let defaultText = """
# hkbill theme: default
# The look hkbill starts with. Body text keeps the terminal's own colours, so it reads on dark and
# light terminals alike; bars, selections and dialogs bring their own background.
#
# Format, one role per line:   role = foreground [on background] [bold] [underline] [reverse] [dim]
# Colours: default (the terminal's), black red green yellow blue magenta cyan white,
#          bright-black .. bright-white, color0 .. color255, #rrggbb.
# 256-colour and #rrggbb values are mapped to the nearest colour an 8-colour terminal has.
# Roles you leave out keep this theme's style. NO_COLOR=1 keeps only the attributes.

# Plain text and frames
normal             = default
border             = color244
border-focus       = bright-cyan bold
title              = default bold
label              = cyan
value              = default
muted              = color244
money              = default
link               = cyan underline
scrollbar          = color244

# Header line and status line
header             = bright-white on blue bold
header-accent      = bright-yellow on blue bold
read-only          = bright-white on red bold
status             = bright-white on color238
status-key         = bright-yellow on color238 bold

# Lists
table-header       = default bold underline
selection          = black on cyan
selection-inactive = black on white
marked             = magenta bold

# Invoice statuses
paid               = green
unpaid             = color136 bold
overdue            = red bold
cancelled          = color244
refunded           = magenta
collections        = magenta bold
draft              = blue
payment-pending    = cyan

# Messages
error              = red bold
warning            = color136 bold
success            = green
info               = cyan

# The 12-month chart in the client profile
chart-billed       = color33
chart-paid         = green

# Input lines, dialogs and buttons
input              = default underline
dialog             = bright-white on color236
dialog-border      = bright-cyan on color236
button             = black on white
button-focus       = black on cyan bold
"""

    static let monoText = """
# hkbill theme: mono
# No colour at all: meaning is carried by bold, underline, reverse and dim. This is also what every
# other theme falls back on (added to its own attributes) under NO_COLOR or on a terminal without
# colours, so selections and warnings stay visible there.
#
# Format, one role per line:   role = foreground [on background] [bold] [underline] [reverse] [dim]
# Here every foreground is "default" and attributes do the work.

# Plain text and frames
normal             = default
border             = default dim
border-focus       = default bold
title              = default bold
label              = default dim
value              = default
muted              = default dim
money              = default
link               = default underline
scrollbar          = default dim

# Header line and status line
header             = default reverse bold
header-accent      = default reverse bold underline
read-only          = default reverse bold underline
status             = default reverse
status-key         = default reverse bold

# Lists
table-header       = default bold underline
selection          = default reverse
selection-inactive = default underline
marked             = default bold

# Invoice statuses: the ones that need action stand out
paid               = default
unpaid             = default bold
overdue            = default bold underline
cancelled          = default dim
refunded           = default dim
collections        = default bold underline
draft              = default dim
payment-pending    = default

# Messages
error              = default reverse bold
warning            = default bold
success            = default
info               = default

# The 12-month chart: billed faint, paid strong
chart-billed       = default dim
chart-paid         = default bold

# Input lines, dialogs and buttons
input              = default underline
dialog             = default
dialog-border      = default bold
button             = default
button-focus       = default reverse bold
"""
}
