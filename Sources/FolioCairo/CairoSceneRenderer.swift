import CCairo
import CPango
import FolioScene
import Foundation

/// Draws scenes with Cairo and Pango into PNG, PDF (text as real text, Inter embedded) and SVG,
/// all in memory. Output is deterministic: no clock time lands in files (PDF dates come from
/// `DocumentMetadata.date`), and the same scene gives the same bytes in any process.
///
/// Renders run on any number of threads at once: chart text is drawn from glyphs shaped once,
/// and only markup (page paragraphs) takes `PangoEngine`'s lock, one text at a time.
public struct CairoSceneRenderer: SceneRenderer {
    private let engine: PangoEngine
    /// Fails when the pinned fonts are missing (install fonts-inter).
    public init() throws { engine = try PangoEngine.shared.get() }

    /// Pixel memory per band: a 1300-px-wide chart is drawn about 200 rows at a time.
    static let bandBytes = 1 << 20

    /// A PNG drawn band by band into one small buffer and streamed into `PNGEncoder`: the
    /// tallest chart needed a 9 MB surface when drawn whole. Each band replays the scene
    /// translated up by the rows above it; cairo computes every pixel's coverage from the
    /// geometry alone, so the pixels are those of a whole-image render (tested).
    public func png(_ scene: Scene, pixelsPerPoint: Double = 200.0 / 72.0) throws -> [UInt8] {
        let w = Int32((scene.size.width * pixelsPerPoint).rounded(.up))
        let h = Int32((scene.size.height * pixelsPerPoint).rounded(.up))
        guard w > 0, h > 0, w < 30_000, h < 30_000 else {
            throw CairoRenderError(message: "PNG of \(w)×\(h) px is out of range")
        }
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w))
        let bandRows = max(16, min(Int(h), Self.bandBytes / stride))
        let buffer = PixelBuffers.shared.take(stride * bandRows)
        defer { PixelBuffers.shared.give(buffer) }
        // An opaque background covers every pixel, including the last, partly covered row and
        // column (the size is rounded up), so the PNG has no half-transparent fringe and is
        // written as RGB, a quarter less data to compress than RGBA.
        let opaque = scene.background.map { $0.alpha == 1 } ?? false
        let encoder = PNGEncoder(width: Int(w), height: Int(h), opaque: opaque)
        var top = 0
        while top < Int(h) {
            let rows = min(bandRows, Int(h) - top)
            // Cleared each band: a transparent scene must not show the previous band (an opaque
            // background is painted over every pixel below).
            if !opaque { memset(buffer.pointer, 0, stride * rows) }
            let surface = cairo_image_surface_create_for_data(buffer.pointer.assumingMemoryBound(to: UInt8.self),
                                                              CAIRO_FORMAT_ARGB32, w, Int32(rows), Int32(stride))
            defer { cairo_surface_destroy(surface) }
            if let bg = scene.background, bg.alpha == 1, let cr = cairo_create(surface) {
                cairo_set_source_rgba(cr, bg.red, bg.green, bg.blue, 1)
                cairo_paint(cr)
                cairo_destroy(cr)
            }
            // Scene units this band shows (a pixel of slack each side for antialiasing).
            let band = Rect(x: -1, y: (Double(top) - 1) / pixelsPerPoint, width: scene.size.width + 2,
                            height: (Double(rows) + 2) / pixelsPerPoint)
            try draw(scene, on: surface, scale: pixelsPerPoint, offsetY: Double(top), visible: band, tags: false)
            try encoder.append(buffer.pointer, rows: rows, stride: stride)
            top += rows
        }
        return try encoder.finish()
    }

    /// An SVG with text as `<text>` elements (see `SVGWriter`; cairo's SVG surface is not used).
    public func svg(_ scene: Scene) throws -> [UInt8] {
        var writer = SVGWriter(engine: engine)
        return writer.write(scene)
    }

    /// Loads every face charts and pages use into the font map, loads qpdf (if asked), draws the
    /// faces once to PDF, and rasterizes the chart fonts' common characters at the PNG scale into
    /// cairo's glyph cache, so the first real render does not pay for it. Worth calling on an
    /// idle core while the analysis computes; it changes no output byte. `endWarmUp()` cuts it short.
    /// - Parameters:
    ///   - fonts: the fonts the coming layouts will use (a new size costs Pango about 0.2 ms).
    ///   - rasterFonts: the fonts PNGs will draw, at `pixelsPerPoint`.
    ///   - loadPDFFinisher: asked once the chart fonts are in: whether to load qpdf now too.
    public func warmUp(fonts: [FontSpec] = [], rasterFonts: [FontSpec] = [], pixelsPerPoint: Double = 200.0 / 72.0,
                       loadPDFFinisher: () -> Bool = { true }) {
        Trace.mark("warm-up start"); defer { Trace.mark("warm-up end") }
        // Charts are laid out and drawn first: their fonts, then their glyphs at the PNG scale.
        engine.warmUp(rasterFonts)
        // Then qpdf, which every tagged PDF needs (see `QPDFLibrary`).
        if engine.warmUpStopped { return }
        if loadPDFFinisher() { _ = QPDFLibrary.shared }
        let characters = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 %,.–-:;()'’"
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1600, 64)
        defer { cairo_surface_destroy(image) }
        for font in rasterFonts {
            if engine.warmUpStopped { return }
            guard let cr = cairo_create(image) else { return }
            cairo_scale(cr, pixelsPerPoint, pixelsPerPoint)
            SceneDrawer(cr: cr, engine: engine, tags: false)
                .draw([.text(TextItem(.plain(characters), font: font, origin: Point(0, 0)))])
            cairo_destroy(cr)
        }
        // Then the pages' fonts, and each once through a PDF surface.
        engine.warmUp(fonts)
        if engine.warmUpStopped { return }
        let items = fonts.enumerated().map { i, font in
            SceneItem.text(TextItem(.markup("Folio 0123456789 %,.–"), font: font, origin: Point(2, 2 + 11 * Double(i))))
        }
        let sink = ByteSink()
        withExtendedLifetime(sink) {
            let pdf = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, 200, 11 * Double(fonts.count + 1))
            if let cr = cairo_create(pdf) {
                SceneDrawer(cr: cr, engine: engine, tags: false).draw(items)
                cairo_destroy(cr)
            }
            cairo_surface_finish(pdf)
            cairo_surface_destroy(pdf)
        }
    }

    /// Loads `fonts` into the font map now, whatever `endWarmUp` said: for a thread with a
    /// moment to spare before it lays out text in those fonts.
    public func preload(_ fonts: [FontSpec]) { engine.warmUp(fonts, stoppable: false) }

    /// Stops a `warmUp` running on another thread (its remaining fonts load on first use), so
    /// it does not hold up the layouts that need them now.
    public func endWarmUp() { engine.stopWarmUp() }

    public func pdf(_ scene: Scene, metadata: DocumentMetadata) throws -> [UInt8] {
        try pdf(PagedDocument(pages: [scene], metadata: metadata))
    }

    public func pdf(_ document: PagedDocument) throws -> [UInt8] {
        guard let first = document.pages.first else { throw CairoRenderError(message: "a PDF needs at least one page") }
        // Tagged when the layout opened any structure element (chart PDFs open none).
        let tagged = document.pages.contains { page in page.items.contains { if case .beginStructure = $0 { true } else { false } } }
        var elements: [StructureElement] = []
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.size.width, first.size.height)
            defer { cairo_surface_destroy(surface) }
            PDFMetadataWriter(surface: surface).write(document.metadata, outline: document.outline)
            guard let cr = cairo_create(surface) else { throw CairoRenderError(message: "cairo could not create a context") }
            defer { cairo_destroy(cr) }
            let drawer = SceneDrawer(cr: cr, engine: engine, tags: true)
            for (n, var page) in document.pages.enumerated() {
                // One Document element holds every page's structure: a tagged PDF has a single root.
                if tagged, n == 0 { page.items = page.items.opening(StructureElement(.document)) }
                if tagged, n == document.pages.count - 1 { page.items.append(.endStructure) }
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                cairo_save(cr)
                drawer.draw(page)
                cairo_restore(cr)
                cairo_show_page(cr)
            }
            if let open = drawer.structure.open.last {
                throw CairoRenderError(message: "the document's structure element \(open) is never closed")
            }
            try finish(surface, "PDF")
            elements = drawer.structure.opened
        }
        guard tagged else { return sink.bytes }
        return try PDFStructureFinisher(elements: elements, language: document.metadata.language).finish(sink.bytes)
    }

    private func draw(_ scene: Scene, on surface: OpaquePointer?, scale: Double, offsetY: Double = 0, visible: Rect? = nil,
                      tags: Bool) throws {
        guard let cr = cairo_create(surface) else { throw CairoRenderError(message: "cairo could not create a context") }
        defer { cairo_destroy(cr) }
        if offsetY != 0 { cairo_translate(cr, 0, -offsetY) }
        cairo_scale(cr, scale, scale)
        SceneDrawer(cr: cr, engine: engine, tags: tags, visible: visible).draw(scene)
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CairoRenderError(message: "cairo drawing failed: \(String(cString: cairo_status_to_string(status)))")
        }
        cairo_surface_flush(surface)
    }

    private func finish(_ surface: OpaquePointer?, _ what: String) throws {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CairoRenderError(message: "\(what) rendering failed: \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
