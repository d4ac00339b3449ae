/// One problem found in a narrative, located and printable like a compiler's message.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var position: SourcePosition
    /// The number of characters to underline after the caret (at least 1).
    public var length: Int
    public var message: String
    /// A near-miss replacement (`did you mean ...?`), when one is close enough.
    public var suggestion: String?
    /// The full text of the source line, for the excerpt.
    public var sourceLine: String

    public init(severity: Severity = .error, file: String, position: SourcePosition, length: Int = 1,
                message: String, suggestion: String? = nil, sourceLine: String) {
        self.severity = severity; self.file = file; self.position = position
        self.length = max(1, length); self.message = message; self.suggestion = suggestion
        self.sourceLine = sourceLine
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    /// `file:line:col: error: message`, the source line, a caret line, and a note with the suggestion.
    public var description: String {
        var out = "\(file):\(position.line):\(position.column): \(severity.rawValue): \(message)\n"
        out += sourceLine + "\n"
        // Reuse tabs from the source line so the caret lines up under them.
        let prefix = sourceLine.prefix(max(0, position.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        out += prefix + "^" + String(repeating: "~", count: length - 1)
        if let suggestion {
            out += "\n\(file):\(position.line):\(position.column): note: did you mean `\(suggestion)`?"
        }
        return out
    }
}

/// Every diagnostic of a narrative, thrown together so the user fixes them in one pass.
public struct NarrativeError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.position) < ($1.file, $1.position) }
    }
    /// All diagnostics, then a count line like `2 errors generated.`
    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let summary = errors == 1 ? "1 error generated." : "\(errors) errors generated."
        return (diagnostics.map(\.description) + [summary]).joined(separator: "\n")
    }
}

/// Collects diagnostics against one source text.
struct DiagnosticSink {
    let file: String
    let lines: LineIndex
    var diagnostics: [Diagnostic] = []

    mutating func error(_ message: String, at position: SourcePosition, length: Int = 1,
                        suggestion: String? = nil) {
        diagnostics.append(Diagnostic(file: file, position: position, length: length, message: message,
                                      suggestion: suggestion, sourceLine: lines.line(position.line)))
    }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
