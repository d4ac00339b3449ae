import FolioScene

/// Builds Pango markup from report inlines, remembering where links start and end so the
/// layout can place clickable rectangles over them.
struct PangoMarkup {
    /// A link span: the markup before it and up to its end (tags closed), and its target.
    struct LinkSpan {
        enum Target { case uri(String), destination(String) }
        var before: String
        var through: String
        var target: Target
    }

    private(set) var markup = ""
    private(set) var links: [LinkSpan] = []
    private var open: [String] = []
    let linkColor: Color

    init(linkColor: Color) { self.linkColor = linkColor }

    /// Markup for `inlines` with every tag closed.
    static func build(_ inlines: [Inline], linkColor: Color) -> PangoMarkup {
        var m = PangoMarkup(linkColor: linkColor)
        m.append(inlines)
        return m
    }

    /// `&`, `<`, `>` escaped for Pango.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The markup so far with the currently open tags closed.
    private var snapshot: String { markup + open.reversed().map { "</\($0)>" }.joined() }

    private mutating func wrap(_ tag: String, attributes: String = "", _ body: (inout PangoMarkup) -> Void) {
        markup += "<\(tag)\(attributes)>"
        open.append(tag)
        body(&self)
        open.removeLast()
        markup += "</\(tag)>"
    }

    mutating func append(_ inlines: [Inline]) { for i in inlines { append(i) } }

    mutating func append(_ inline: Inline) {
        switch inline {
        case .text(let s): markup += Self.escape(s)
        case .strong(let c): wrap("b") { $0.append(c) }
        case .emphasis(let c): wrap("i") { $0.append(c) }
        case .strikethrough(let c): wrap("s") { $0.append(c) }
        case .code(let s): wrap("tt") { $0.markup += Self.escape(s) }
        case .lineBreak: markup += "\n"
        case .link(let url, let c):
            let before = snapshot
            wrap("span", attributes: " foreground=\"\(linkColor.hexString)\" underline=\"single\"") { $0.append(c) }
            links.append(LinkSpan(before: before, through: snapshot, target: .uri(url)))
        case .figureReference(let id, let n):
            let before = snapshot
            wrap("span", attributes: " foreground=\"\(linkColor.hexString)\"") { $0.markup += "Figure \(n)" }
            links.append(LinkSpan(before: before, through: snapshot, target: .destination("fig-\(id)")))
        case .tableReference(let id, let n):
            let before = snapshot
            wrap("span", attributes: " foreground=\"\(linkColor.hexString)\"") { $0.markup += "Table \(n)" }
            links.append(LinkSpan(before: before, through: snapshot, target: .destination("tbl-\(id)")))
        case .noteReference(let n):
            let before = snapshot
            let color = linkColor.hexString
            wrap("sup") { m in m.wrap("span", attributes: " foreground=\"\(color)\"") { $0.markup += "\(n)" } }
            links.append(LinkSpan(before: before, through: snapshot, target: .destination("note-\(n)")))
        }
    }
}
