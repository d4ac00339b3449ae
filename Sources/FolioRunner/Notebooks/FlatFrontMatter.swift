/// Reads the few front-matter keys the runner needs (`uses`, `summary`, `title`, `data`, `echo`,
/// `methods-code`, and the `params:` mapping) when they are written as plain `key: value` lines,
/// skipping every other key whole. Anything it cannot be sure of returns nil, and the caller
/// reads the front matter with Yams instead.
///
/// Why not always Yams: the first `Yams.compose` of a process costs 5–10 ms here (measured with
/// `FOLIO_TRACE=1 folio run` on an unchanged project: 6–11 ms between "catalog: fingerprint" and
/// the first notebook parsed, 1 ms for the second), a quarter of an unchanged re-run, which only
/// needs these keys to find the manifest entry. The report still reads the whole front matter
/// with Yams when it renders.
enum FlatFrontMatter {
    /// One key the runner reads: its value, or for `params` its `name: value` lines.
    struct Entry {
        var key: String
        var line: Int
        var value: String
        var children: [(name: String, line: Int, column: Int, value: String)]
    }

    static let keys: Set<String> = ["uses", "summary", "title", "data", "echo", "methods-code", "params"]

    /// The runner's keys in `yaml` (whose first line is line `firstLine` of the file), or nil.
    static func read(_ yaml: [String], firstLine: Int) -> [Entry]? {
        var entries: [Entry] = []
        var i = 0
        while i < yaml.count {
            let raw = yaml[i]
            let line = firstLine + i
            i += 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty || raw.hasPrefix("#") { continue }
            guard let first = raw.first, first.isLetter || first == "_", let colon = raw.firstIndex(of: ":") else { return nil }
            let key = String(raw[..<colon])
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
            let rest = raw[raw.index(after: colon)...]
            guard keys.contains(key) else {
                // Another key (key-figures, keywords, …): skip its indented or listed lines.
                while i < yaml.count, let c = yaml[i].first, c == " " || c == "\t" || c == "-" { i += 1 }
                continue
            }
            if key == "params" {
                guard rest.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                var children: [(String, Int, Int, String)] = []
                var indent: Int?
                while i < yaml.count, let c = yaml[i].first, c == " " {
                    let child = yaml[i]
                    let childLine = firstLine + i
                    i += 1
                    if child.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                    let spaces = child.prefix(while: { $0 == " " }).count
                    guard spaces == (indent ?? spaces) else { return nil }
                    indent = spaces
                    let body = child.dropFirst(spaces)
                    guard let childColon = body.firstIndex(of: ":"), let value = scalar(body[body.index(after: childColon)...]) else { return nil }
                    children.append((String(body[..<childColon]), childLine, spaces + 1, value))
                }
                entries.append(Entry(key: key, line: line, value: "", children: children))
                continue
            }
            guard let value = scalar(rest) else { return nil }
            entries.append(Entry(key: key, line: line, value: value, children: []))
        }
        return entries
    }

    /// A plain or simply quoted scalar (no escapes, no flow or block syntax), or nil.
    static func scalar(_ text: Substring) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, let c = t.first, !"[{|>&*!%@`".contains(c) else { return nil }
        if c == "\"" {
            guard t.count >= 2, t.hasSuffix("\""), !t.dropFirst().dropLast().contains("\\"),
                  !t.dropFirst().dropLast().contains("\"") else { return nil }
            return String(t.dropFirst().dropLast())
        }
        if c == "'" {
            guard t.count >= 2, t.hasSuffix("'") else { return nil }
            let inner = t.dropFirst().dropLast()
            guard !inner.replacingOccurrences(of: "''", with: "").contains("'") else { return nil }
            return inner.replacingOccurrences(of: "''", with: "'")
        }
        // A comment after a plain scalar, or a colon-space inside one, is Yams's to read.
        guard !t.contains(" #"), !t.contains(": ") else { return nil }
        return t
    }
}
