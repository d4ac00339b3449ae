/// Makes cairo's SVG output independent of how many SVGs the process drew before.
///
/// Cairo numbers glyph symbols, surfaces and patterns from process-global counters, so the same
/// scene rendered twice in one process gets different ids. This renumbers every such id
/// (`glyph3-7`, `surface12`, `clip4`, …) in order of first appearance.
enum SVGNormalizer {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return bytes }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var map: [String: String] = [:]
        var counters: [String: Int] = [:]
        let prefixes = ["glyph", "surface", "clip", "mask", "pattern", "image", "linear", "radial", "filter", "source"]
        var i = text.startIndex
        while i < text.endIndex {
            // An id token starts after `id="`, `#` or `url(#`.
            let c = text[i]
            out.append(c)
            i = text.index(after: i)
            guard c == "\"" || c == "#" else { continue }
            guard let p = prefixes.first(where: { text[i...].hasPrefix($0) }) else { continue }
            var j = text.index(i, offsetBy: p.count)
            let start = j
            while j < text.endIndex, text[j].isNumber || text[j] == "-" { j = text.index(after: j) }
            guard j > start, text[start].isNumber else { continue }
            let token = String(text[i..<j])
            if map[token] == nil {
                let n = counters[p, default: 0]
                counters[p] = n + 1
                map[token] = "\(p)\(n)"
                if p == "glyph" { map[token] = "glyph\(n)" }
            }
            out += map[token] ?? token
            i = j
        }
        return Array(out.utf8)
    }
}
