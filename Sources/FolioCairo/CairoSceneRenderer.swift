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

    public func png(_ scene: Scene, pixelsPerPoint: Double = 200.0 / 72.0) throws -> [UInt8] {
        let w = Int32((scene.size.width * pixelsPerPoint).rounded(.up))
        let h = Int32((scene.size.height * pixelsPerPoint).rounded(.up))
        guard w > 0, h > 0, w < 30_000, h < 30_000 else {
            throw CairoRenderError(message: "PNG of \(w)×\(h) px is out of range")
        }
        let stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w)
        let buffer = PixelBuffers.shared.take(Int(stride) * Int(h))
        defer { PixelBuffers.shared.give(buffer) }
        // Always cleared: the background fill does not cover the last, partly covered pixel row
        // and column exactly, and they must not show the previous chart.
        memset(buffer.pointer, 0, Int(stride) * Int(h))
        let surface = cairo_image_surface_create_for_data(buffer.pointer.assumingMemoryBound(to: UInt8.self),
                                                          CAIRO_FORMAT_ARGB32, w, h, stride)
        defer { cairo_surface_destroy(surface) }
        // An opaque background covers every pixel, including the last, partly covered row and
        // column (the size is rounded up), so the PNG has no half-transparent fringe and is
        // written as RGB, a quarter less data to compress than RGBA.
        if let bg = scene.background, bg.alpha == 1, let cr = cairo_create(surface) {
            cairo_set_source_rgba(cr, bg.red, bg.green, bg.blue, 1)
            cairo_paint(cr)
            cairo_destroy(cr)
        }
        try draw(scene, on: surface, scale: pixelsPerPoint, tags: false)
        return try PNGEncoder.encode(consuming: surface)
    }

    /// An SVG with text as `<text>` elements (see `SVGWriter`; cairo's SVG surface is not used).
    public func svg(_ scene: Scene) throws -> [UInt8] {
        var writer = SVGWriter(engine: engine)
        return writer.write(scene)
    }

    /// Loads every face charts and pages use into the font map and draws them once to PDF and
    /// pixels, so the first real render does not pay for it. Worth calling on an idle core while
    /// the analysis computes; it changes no output byte.
    public func warmUp() {
        Trace.mark("warm-up start"); defer { Trace.mark("warm-up end") }
        let faces: [FontSpec] = [
            FontSpec(size: 9), FontSpec(size: 9, italic: true), FontSpec(size: 9, weight: .medium),
            FontSpec(size: 9, weight: .semibold), FontSpec(size: 9, weight: .bold),
            FontSpec(size: 9, tabularFigures: true), FontSpec(size: 9, weight: .bold, italic: true),
        ]
        engine.warmUp(faces)
        let items = faces.enumerated().map { i, font in
            SceneItem.text(TextItem(.markup("Folio 0123456789 %,.–"), font: font, origin: Point(2, 2 + 11 * Double(i))))
        }
        let scene = Scene(size: Size(120, 90), items: items)
        let sink = ByteSink()
        withExtendedLifetime(sink) {
            let pdf = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, scene.size.width, scene.size.height)
            let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 120, 90)
            for surface in [pdf, image] {
                if let cr = cairo_create(surface) {
                    SceneDrawer(cr: cr, engine: engine, tags: false).draw(scene)
                    cairo_destroy(cr)
                }
                cairo_surface_finish(surface)
                cairo_surface_destroy(surface)
            }
        }
    }

    public func pdf(_ scene: Scene, metadata: DocumentMetadata) throws -> [UInt8] {
        try pdf(PagedDocument(pages: [scene], metadata: metadata))
    }

    public func pdf(_ document: PagedDocument) throws -> [UInt8] {
        guard let first = document.pages.first else { throw CairoRenderError(message: "a PDF needs at least one page") }
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.size.width, first.size.height)
            defer { cairo_surface_destroy(surface) }
            PDFMetadataWriter(surface: surface).write(document.metadata, outline: document.outline)
            let cr = cairo_create(surface)
            defer { cairo_destroy(cr) }
            for page in document.pages {
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                guard let cr else { throw CairoRenderError(message: "cairo could not create a context") }
                cairo_save(cr)
                SceneDrawer(cr: cr, engine: engine, tags: true).draw(page)
                cairo_restore(cr)
                cairo_show_page(cr)
            }
            try finish(surface, "PDF")
        }
        return sink.bytes
    }

    private func draw(_ scene: Scene, on surface: OpaquePointer?, scale: Double, tags: Bool) throws {
        guard let cr = cairo_create(surface) else { throw CairoRenderError(message: "cairo could not create a context") }
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        SceneDrawer(cr: cr, engine: engine, tags: tags).draw(scene)
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
