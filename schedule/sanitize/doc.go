// Package sanitize cleans text that attendees typed before it is stored or
// drawn in somebody else's terminal.
//
// Why: display names, talk titles, abstracts, notes, SSH user names and SSH
// client versions all come from the public and are rendered verbatim in
// other people's terminals (the TUI, the log viewer). A terminal does not
// separate data from commands: bytes that look like control sequences are
// executed. Untrusted text can therefore recolour or clear the screen, move
// the cursor to overwrite other rows, set the window title, plant a hidden
// hyperlink (OSC 8), write to the viewer's clipboard (OSC 52), or in older
// terminals even make them answer back with input. Unicode adds a second
// family of tricks that need no escape byte at all: bidi overrides that
// reverse what you read ("\u202Egnp.exe" shows as "exe.png"), invisible
// characters that make two names look identical, and piles of combining
// marks that smear over neighbouring rows.
//
// Line (single-line fields) and Multiline (abstracts, notes) apply the same
// rules, in this order; each later rule relies on the earlier ones and the
// whole function is idempotent, f(f(x)) == f(x), so cleaning on write and
// again on render never disagree:
//
//  1. Invalid UTF-8 bytes become U+FFFD. The output is always valid UTF-8,
//     so a raw byte such as 0x9B can no longer reach a terminal that treats
//     it as an 8-bit CSI. Replacing rather than dropping keeps it visible
//     that something odd was sent.
//  2. Terminal escape sequences are removed whole, parameters and payload
//     included: CSI (ESC [ … final byte, incl. SGR colours, cursor moves,
//     ESC[2J), OSC (ESC ] … BEL or ST: titles, OSC 8 links, OSC 52
//     clipboard), DCS, SOS, PM and APC strings (… ST), two-character and
//     nF escapes (ESC c, ESC ( B), and the 8-bit C1 introducers U+009B,
//     U+009D, U+0090, U+0098, U+009E, U+009F and ST U+009C. Removing only
//     the ESC byte would leave "[31m" or a whole clipboard payload on
//     screen. An unterminated string sequence swallows the rest of the
//     input, because its payload was never meant to be read. Like a real
//     terminal, an ESC inside a string ends that string (and starts a new
//     sequence), and a CSI that meets a byte that cannot belong to it ends
//     there.
//  3. Every remaining control character is removed: C0 (U+0000–U+001F),
//     DEL and C1 (U+0080–U+009F). This is the actual safety net; rule 2
//     only decides how much of the surrounding text goes with them.
//     Backspace and carriage return could otherwise overwrite what was
//     already drawn ("safe\rEVIL"), BEL beeps, NUL truncates in C code.
//     Line breaks are not lost: "\n", "\r\n" and a lone "\r" become one
//     space in Line and "\n" in Multiline, so "safe\rEVIL" shows both words.
//     Tabs become one space (Line) or four spaces (Multiline), because their
//     width depends on the cursor column and would break the layout.
//  4. Invisible and layout-changing characters are removed: every format
//     character (Unicode category Cf: bidi embeddings, overrides and
//     isolates, LRM/RLM/ALM, zero-width space/joiner/non-joiner, word
//     joiner, invisible operators, BOM, soft hyphen, tag characters, …),
//     private-use characters (they render differently in every font and are
//     a favourite for hiding text), noncharacters (U+FDD0–U+FDEF and the
//     last two code points of every plane) and the other default-ignorable
//     code points that draw nothing, such as the Hangul fillers U+3164 and
//     U+FFA0 used for "blank" names (the combining grapheme joiner and the
//     variation selectors stay: Hebrew and emoji need them, and they are
//     combining marks, limited by rule 6). U+2028 and U+2029 are line
//     breaks and are treated like "\n". Plain right-to-left text (Arabic,
//     Hebrew) is kept: only the override controls go. Consequence: the
//     zero-width joiner in emoji ZWJ sequences is removed too, so a family
//     emoji shows as its individual people, and a tag-sequence flag such
//     as England's shows as a plain black flag. Ordinary emoji, skin tones,
//     variation selectors and country flags are kept.
//  5. NFC normalisation, so that "e\u0301" and "é" are stored and compared
//     the same way and the rune count used for limits is stable.
//  6. Whitespace: Line trims the ends and collapses every run of Unicode
//     white space to one ASCII space. Multiline trims trailing white space on
//     each line, keeps indentation, removes leading and trailing blank lines
//     and allows at most two blank lines in a row, so nobody can push the
//     rest of the screen away. Combining marks are limited to eight per
//     base character (real scripts need far fewer;
//     "zalgo" floods use dozens and draw over the rows above and below), and
//     a mark with nothing to attach to (at the start of a line or after
//     white space) is dropped, because a terminal would put it on whatever
//     was drawn in the previous cell.
//  7. The result is cut to maxRunes runes (maxRunes <= 0: no limit). The cut
//     never splits a base character from its combining marks, emoji
//     modifier or the other half of a flag, and the result is trimmed again.
//     Callers that must refuse rather than cut use TooLong and
//     MultilineTooLong.
//
// NameKey builds the key under which display names must be unique. It is
// not for display: it applies Line, compatibility normalisation (NFKC) and
// case folding, removes all white space and invisible characters, maps a
// few Cyrillic and Greek look-alikes to Latin letters and drops accents from
// Latin-looking letters, so that names which look the same to a reader
// collide. It is deliberately light; it does not use the full Unicode
// confusables table.
//
// Width is not this package's business: East Asian wide characters and
// emoji are kept and the renderer measures them.
package sanitize
