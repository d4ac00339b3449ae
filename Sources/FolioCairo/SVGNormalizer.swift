/// Makes cairo's SVG output independent of how many SVGs the process drew before.
///
/// Cairo numbers glyph symbols, surfaces and patterns from process-global counters, so the same
/// scene rendered twice in one process gets different ids. This renumbers every such id
/// (`glyph3-7`, `surface12`, `clip4`, …) in order of first appearance.
///
/// Works on the UTF-8 bytes (every byte it looks for is ASCII): walking a Swift `String` by
/// `Character` took about a fifth of a whole run.
enum SVGNormalizer {
    private static let prefixes: [[UInt8]] = ["glyph", "surface", "clip", "mask", "pattern", "image", "linear", "radial",
                                              "filter", "source"].map { Array($0.utf8) }

    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var map: [[UInt8]: [UInt8]] = [:]
        var counters = [Int](repeating: 0, count: prefixes.count)
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), minus = UInt8(ascii: "-")
        let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
        bytes.withUnsafeBufferPointer { text in
            let n = text.count
            var i = 0
            while i < n {
                // An id token starts after `id="`, `#` or `url(#`.
                let c = text[i]
                out.append(c)
                i += 1
                guard c == quote || c == hash else { continue }
                var matched = -1
                for (k, p) in prefixes.enumerated() where i + p.count <= n {
                    var same = true
                    for (o, b) in p.enumerated() where text[i + o] != b { same = false; break }
                    if same { matched = k; break }
                }
                guard matched >= 0 else { continue }
                let start = i + prefixes[matched].count
                var j = start
                while j < n, (text[j] >= zero && text[j] <= nine) || text[j] == minus { j += 1 }
                guard j > start, text[start] >= zero, text[start] <= nine else { continue }
                let token = Array(text[i..<j])
                if let mapped = map[token] {
                    out += mapped
                } else {
                    let mapped = prefixes[matched] + Array(String(counters[matched]).utf8)
                    counters[matched] += 1
                    map[token] = mapped
                    out += mapped
                }
                i = j
            }
        }
        return out
    }
}
