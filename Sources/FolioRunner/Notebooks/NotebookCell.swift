import Foundation

/// One fenced ` ```swift ` block of a notebook: a step of its analysis, with the options written
/// at its top as `//| key: value` comment lines (Quarto's convention).
public struct NotebookCell: Hashable, Sendable {
    /// 1-based position among the notebook's cells.
    public var index: Int
    /// The step the cell runs as: its `step` option, or `cell-<index>`.
    public var step: String
    /// Whether the briefing shows the cell's code (the `echo` option, or the front matter's default).
    public var echo: Bool
    /// Whether the cell runs at all (`include: false` turns a draft cell off).
    public var include: Bool
    /// The line of the opening fence in the notebook file.
    public var fenceLine: Int
    /// The code between the fences, option lines included (they are Swift comments), one string a line.
    public var lines: [String]

    /// The first line of code inside the fence.
    public var firstCodeLine: Int { fenceLine + 1 }

    /// The code without its leading option lines, as the briefing shows it.
    public var displayedCode: String {
        lines.drop(while: { NotebookCell.isOptionLine($0) }).joined(separator: "\n")
    }

    static func isOptionLine(_ line: String) -> Bool {
        line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("//|")
    }
}
