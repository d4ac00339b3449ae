/// Byte offsets into the plain text Pango makes of a markup string, so a position in markup
/// (the end of a prefix) can be found in a `PangoLayout`.
enum MarkupOffsets {
    /// The UTF-8 length of the text `prefix` shows: tags dropped, entities (`&amp;`, `&#8722;`)
    /// counted as the characters they stand for. `prefix` may end inside open elements.
    static func plainByteCount(_ prefix: String) -> Int {
        var count = 0
        var inTag = false
        var entity: String? = nil
        for scalar in prefix.unicodeScalars {
            if inTag { if scalar == ">" { inTag = false }; continue }
            if var e = entity {
                if scalar == ";" {
                    count += decodedLength(e)
                    entity = nil
                } else {
                    e.unicodeScalars.append(scalar)
                    entity = e
                }
                continue
            }
            switch scalar {
            case "<": inTag = true
            case "&": entity = ""
            default: count += String(scalar).utf8.count
            }
        }
        return count
    }

    private static func decodedLength(_ entity: String) -> Int {
        switch entity {
        case "amp", "lt", "gt", "quot", "apos": return 1
        default:
            let digits = entity.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard entity.first == "#", let v = value, let s = Unicode.Scalar(v) else { return 0 }
            return String(s).utf8.count
        }
    }
}
