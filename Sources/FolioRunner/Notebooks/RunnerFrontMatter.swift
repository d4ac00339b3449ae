import FolioReport

/// The few front-matter keys the runner reads from a notebook (`uses`, `summary`, `title`, `data`,
/// `echo`, `methods-code` and the `params:` mapping); the report reads the whole front matter
/// again when it renders.
enum RunnerFrontMatter {
    /// One key the runner reads: its value, or for `params` its `name: value` lines.
    struct Entry {
        var key: String
        var line: Int
        var value: String
        var children: [(name: String, line: Int, column: Int, value: String)]
    }

    static let keys: Set<String> = ["uses", "summary", "title", "data", "echo", "methods-code", "params"]

    /// The runner's keys in `yaml` (the lines after the opening `---`, so its first line is line 2
    /// of the file), or nil when the YAML is malformed, reported at its mark through `problem`
    /// (message, line, column, length, suggestion).
    static func read(_ yaml: [String], problem: (String, Int, Int, Int, String?) -> Void) -> [Entry]? {
        let node: YAMLNode?
        do { node = try YAMLComposer.compose(yaml.joined(separator: "\n")) } catch {
            problem("bad front matter: \(error.description(lineOffset: 1))", 1 + error.mark.line, error.mark.column, 1, nil)
            return nil
        }
        guard let mapping = node?.mapping else { return [] }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "", line = 1 + keyNode.mark.line
            guard keys.contains(key) else { continue }
            if key == "params" {
                guard let items = value.mapping else {
                    problem("bad front matter: `params` must be `name: default` lines", line, 1, 1, nil); continue
                }
                var children: [(String, Int, Int, String)] = []
                for (name, defaultValue) in items {
                    let nameText = name.string ?? "", nameLine = 1 + name.mark.line
                    guard let scalar = defaultValue.scalar else {
                        problem("bad front matter: parameter `\(nameText)` needs a single default value",
                                nameLine, name.mark.column, max(1, nameText.count), nil)
                        continue
                    }
                    children.append((nameText, nameLine, name.mark.column, scalar.string))
                }
                entries.append(Entry(key: key, line: line, value: "", children: children))
            } else {
                entries.append(Entry(key: key, line: line, value: value.scalar?.string ?? "", children: []))
            }
        }
        return entries
    }
}
