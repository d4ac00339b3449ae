import CCairo
import FolioScene

/// Writes document metadata and the outline into a cairo PDF surface. Dates come from
/// `DocumentMetadata.date` (both creation and modification), so no clock time lands in the file.
struct PDFMetadataWriter {
    let surface: OpaquePointer?

    func write(_ m: DocumentMetadata, outline: [OutlineEntry]) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, m.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, m.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, m.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, m.keywords.joined(separator: ", "))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Folio")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, m.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, m.date)
        // Outline: each entry's parent is the nearest earlier entry of a lower level.
        let base = outline.map(\.level).min() ?? 0
        var parents: [(level: Int, id: Int32)] = []
        for e in outline {
            while let last = parents.last, last.level >= e.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let dest = e.destination.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            let id = cairo_pdf_surface_add_outline(surface, parent, e.title, "dest='\(dest)'", cairo_pdf_outline_flags_t(0))
            parents.append((e.level, id))
            _ = base
        }
    }
}
