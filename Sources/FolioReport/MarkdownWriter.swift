/// Writes a report as GitHub-flavoured Markdown: values filled in, figures as PNG images.
public struct MarkdownWriter: Sendable {
    /// The folder, relative to the Markdown file, holding `<id>.png` chart images.
    public var chartsDirectory: String
    public init(chartsDirectory: String = "charts") { self.chartsDirectory = chartsDirectory }

    /// The whole document, ending in one newline.
    public func write(_ report: Report) -> String {
        var parts: [String] = ["# " + escape(report.title)]
        if let s = report.subtitle, !s.isEmpty { parts.append("*" + escape(s) + "*") }
        let byline = [report.date, report.author].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { parts.append(byline.map(escape).joined(separator: " · ")) }
        if !report.keyFigures.isEmpty {
            parts.append(report.keyFigures.map { kf in
                "- **" + escape(kf.value) + "**" + kf.notes.map { "[^\($0)]" }.joined() + " " + escape(kf.label)
            }.joined(separator: "\n"))
        }
        parts += report.blocks.map { block($0) }
        if !report.notes.isEmpty {
            // GitHub gathers footnote definitions into its own "Footnotes" section at the end.
            parts.append(report.notes.enumerated().map { k, note in "[^\(k + 1)]: " + escape(note) }
                .joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private func block(_ b: Block) -> String {
        switch b {
        case .heading(let h):
            return String(repeating: "#", count: h.level) + " " + inlines(h.content)
        case .paragraph(let c):
            return inlines(c)
        case .list(let list):
            return list.items.enumerated().map { k, item in
                let marker = list.ordered ? "\(list.start + k). " : "- "
                let body = item.map(block).joined(separator: "\n\n")
                return indent(body, first: marker, rest: String(repeating: " ", count: marker.count))
            }.joined(separator: "\n")
        case .table(let t):
            return table(t)
        case .tableFigure(let f):
            var out = "*" + escape("Table \(f.number). ") + inlines(f.caption) + "*\n\n" + table(f.block)
            if !f.sourceLine.isEmpty { out += "\n\n" + escape(f.sourceLine) }
            return out
        case .figure(let f):
            let caption = "Figure \(f.number). " + f.caption.plainText
            return "![\(escape(caption))](\(chartsDirectory)/\(f.chartID).png)\n\n*" + escape(caption) + "*"
        case .callout(let blocks):
            return indent(blocks.map(block).joined(separator: "\n\n"), first: "> ", rest: "> ")
        case .codeBlock(let code):
            let fence = code.contains("```") ? "~~~~" : "```"
            return fence + "\n" + code + "\n" + fence
        case .thematicBreak:
            return "---"
        }
    }

    private func table(_ t: TableBlock) -> String {
            let columns = max(t.header.count, t.rows.map(\.count).max() ?? 0)
            func row(_ cells: [[Inline]]) -> String {
                "| " + (0..<columns).map { c in c < cells.count ? inlines(cells[c]) : "" }.joined(separator: " | ") + " |"
            }
            let rule = (0..<columns).map { c -> String in
                let a = c < t.alignments.count ? t.alignments[c] : .none
                switch a {
                case .left: return ":---"
                case .center: return ":---:"
                case .right: return "---:"
                case .none: return t.numericColumns.contains(c) ? "---:" : "---"
                }
            }
            return ([row(t.header), "| " + rule.joined(separator: " | ") + " |"] + t.rows.map(row)).joined(separator: "\n")
    }

    private func indent(_ text: String, first: String, rest: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { k, line in
            let prefix = k == 0 ? first : rest
            return line.isEmpty ? prefix.trimmingWhitespace : prefix + line
        }.joined(separator: "\n")
    }

    private func inlines(_ content: [Inline]) -> String { content.map(inline).joined() }

    private func inline(_ i: Inline) -> String {
        switch i {
        case .text(let s): return escape(s)
        case .strong(let c): return "**" + inlines(c) + "**"
        case .emphasis(let c): return "*" + inlines(c) + "*"
        case .strikethrough(let c): return "~~" + inlines(c) + "~~"
        case .code(let s):
            let fence = s.contains("`") ? "`` " : "`"
            return fence + s + String(fence.reversed())
        case .link(let url, let c): return "[" + inlines(c) + "](" + url + ")"
        case .lineBreak: return "\\\n"
        case .figureReference(_, let n): return "Figure \(n)"
        case .tableReference(_, let n): return "Table \(n)"
        case .noteReference(let n): return "[^\(n)]"
        }
    }

    /// Escapes the characters that would start emphasis, links, HTML or table cells, scalar by
    /// scalar: every character of prose goes through here, and comparing `Character`s with
    /// `String.contains` was 8 % of a debug in-process briefing (perf).
    private func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|": out.append("\\")
            default: break
            }
            out.append(u)
        }
        return String(out)
    }
}
