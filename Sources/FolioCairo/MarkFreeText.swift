/// Tells whether a text can be shaped without the `ccmp` feature (glyph composition and
/// decomposition) and come out the same.
///
/// `ccmp` composes a base letter with the combining marks after it, and every rule of it in Inter
/// (the one font Folio draws with, `FontLibrary`) needs such a mark — a combining diacritic
/// (U+0300…) or an enclosing circle or keycap (U+20DD, U+20DE). Text made only of the scalars
/// below has none, and HarfBuzz decomposes none of them into one (Inter has every precomposed
/// letter of Latin-1 and Latin Extended-A), so there `ccmp` looks at every glyph and changes
/// nothing: it was 44 % of HarfBuzz's work on a briefing's text (5,442 against 3,029
/// instructions a character, callgrind, the state briefing's Markdown shaped with Inter Regular);
/// a cold run of the state briefings went from 2,053 M to 1,938 M instructions. A test shapes
/// every such scalar, in order and beside the i and j that Inter's rules start from, with and
/// without `ccmp` in every face Folio uses and requires the same glyphs, so a font that breaks
/// the premise fails it.
enum MarkFreeText {
    /// The scalars a mark-free text may hold: Basic Latin, Latin-1, Latin Extended-A, General
    /// Punctuation (dashes, quotes, ellipsis), currency signs and the minus sign.
    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x17F, 0x2000...0x206F, 0x20A0...0x20CF, 0x2212: return true
        default: return false
        }
    }

    /// True when every scalar of `text` is safe. For markup, the tags and entities are ASCII
    /// and safe, except a numeric character reference (`&#…;`), which could name a mark.
    static func holds(_ text: String, markup: Bool) -> Bool {
        if markup, text.contains("&#") { return false }
        return text.unicodeScalars.allSatisfy(isSafe)
    }
}
