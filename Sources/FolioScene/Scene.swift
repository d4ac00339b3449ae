/// One drawing instruction in a scene.
public indirect enum SceneItem: Hashable, Sendable {
    /// Fill a closed path.
    case fill(Path, Color)
    /// Stroke a path's outline.
    case stroke(Path, StrokeStyle)
    /// Draw a block of text (kept as real, searchable text in PDF and SVG).
    case text(TextItem)
    /// Draw a nested scene placed (translated, then scaled) and optionally clipped to a
    /// rectangle in the parent's coordinates.
    case group(Placement, clip: Rect?, items: [SceneItem])
    /// A clickable area that opens a URI (PDF only; ignored elsewhere).
    case link(Rect, uri: String)
    /// A clickable area that jumps to a named destination in the same document (PDF only).
    case internalLink(Rect, destination: String)
    /// A named destination at a point, target of internal links and outline entries (PDF only).
    case destination(name: String, at: Point)
    /// Opens an element of a tagged PDF's structure tree; the items up to the matching
    /// `.endStructure` are its content or its child elements (PDF only; ignored elsewhere).
    case beginStructure(StructureElement)
    /// Closes the element the latest unclosed `.beginStructure` opened.
    case endStructure
}

/// A picture as a list of drawing instructions over a canvas of a given size in points.
public struct Scene: Hashable, Sendable {
    public var size: Size
    public var background: Color?
    public var items: [SceneItem]
    public init(size: Size, background: Color? = nil, items: [SceneItem] = []) {
        self.size = size; self.background = background; self.items = items
    }
}

/// An entry of a PDF outline (bookmarks panel), pointing at a named destination.
public struct OutlineEntry: Hashable, Sendable {
    public var title: String
    public var level: Int
    public var destination: String
    public init(title: String, level: Int, destination: String) {
        self.title = title; self.level = level; self.destination = destination
    }
}

/// Document-level metadata written into PDFs (and HTML heads).
public struct DocumentMetadata: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    /// The date stamped into the file as `YYYY-MM-DDThh:mm:ss`, derived from inputs, never the clock.
    public var date: String
    /// The document's language as a BCP 47 tag (a tagged PDF's `/Lang`, the HTML's `lang`).
    public var language: String
    public init(title: String, author: String = "", subject: String = "", keywords: [String] = [],
                date: String, language: String = "en") {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.date = date; self.language = language
    }
}

/// A multi-page document: one scene per page, all of the same size.
public struct PagedDocument: Hashable, Sendable {
    public var pages: [Scene]
    public var metadata: DocumentMetadata
    public var outline: [OutlineEntry]
    public init(pages: [Scene], metadata: DocumentMetadata, outline: [OutlineEntry] = []) {
        self.pages = pages; self.metadata = metadata; self.outline = outline
    }
}
