import CQPDF
import FolioScene

/// Completes a tagged PDF that cairo wrote with what cairo 1.16 cannot express, through qpdf
/// (Debian's `libqpdf`, loaded on first use: `QPDFLibrary`), and refuses a file qpdf has to repair.
///
/// Cairo 1.16 writes the structure tree (element types, their order, marked content, links as
/// `Link` elements) but takes no attributes on structure tags, so this adds: each figure's
/// `/Alt`, `/Scope /Column` on header cells, the catalog's `/Lang` and
/// `/ViewerPreferences /DisplayDocTitle` (the title, not the file name, in the window), and
/// `/Tabs /S` on every page (tab order follows the structure). qpdf writes the file again
/// with a deterministic `/ID` (the same document gives the same bytes) and object streams
/// (the state briefing: 74 KB untagged from cairo, 107 KB tagged, 66 KB tagged in object streams).
struct PDFStructureFinisher {
    /// The elements the drawer opened, in order: the structure tree's elements depth first,
    /// cairo's own `Link` elements left out.
    let elements: [StructureElement]
    /// A BCP 47 language tag, such as `en`.
    let language: String

    func finish(_ pdf: [UInt8]) throws -> [UInt8] {
        let api = try QPDFLibrary.shared.get()
        var handle: qpdf_data? = api.qpdf_init()
        defer { api.qpdf_cleanup(&handle) }
        guard let q = handle else { throw CairoRenderError(message: "qpdf could not start") }
        api.qpdf_silence_errors(q)
        let read = pdf.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                api.qpdf_read_memory(q, "document.pdf", $0.baseAddress, UInt64($0.count), nil)
            }
        }
        try check(api, q, read, "reading the PDF cairo wrote")
        if api.qpdf_more_warnings(q) != 0 {
            throw CairoRenderError(message: "cairo wrote a damaged PDF: " + message(api, q, api.qpdf_next_warning(q)))
        }
        let root = api.qpdf_get_root(q)
        api.qpdf_oh_replace_key(q, root, "/Lang", api.qpdf_oh_new_unicode_string(q, language))
        api.qpdf_oh_replace_key(q, root, "/ViewerPreferences", api.qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"))
        api.qpdf_oh_replace_key(q, root, "/MarkInfo", api.qpdf_oh_parse(q, "<< /Marked true >>"))
        for i in 0..<max(0, Int(api.qpdf_get_num_pages(q))) {
            api.qpdf_oh_replace_key(q, api.qpdf_get_page_n(q, i), "/Tabs", api.qpdf_oh_new_name(q, "/S"))
        }
        let tree = api.qpdf_oh_get_key(q, root, "/StructTreeRoot")
        guard api.qpdf_oh_is_dictionary(q, tree) != 0 else {
            throw CairoRenderError(message: "cairo wrote no structure tree for a tagged PDF")
        }
        var next = 0
        try annotate(api, api.qpdf_oh_get_key(q, tree, "/K"), q, &next)
        guard next == elements.count else {
            throw CairoRenderError(message: "the PDF's structure tree has \(next) elements where \(elements.count) were drawn")
        }
        try check(api, q, api.qpdf_init_write_memory(q), "writing the tagged PDF")
        api.qpdf_set_deterministic_ID(q, 1)
        // Object streams hold the structure tree's many small objects: a third smaller file.
        api.qpdf_set_object_stream_mode(q, qpdf_o_generate)
        try check(api, q, api.qpdf_write(q), "writing the tagged PDF")
        guard let bytes = api.qpdf_get_buffer(q) else { throw CairoRenderError(message: "qpdf wrote no PDF") }
        return Array(UnsafeBufferPointer(start: bytes, count: api.qpdf_get_buffer_length(q)))
    }

    /// Walks a `/K` entry depth first, pairing each structure element with the next drawn one.
    private func annotate(_ api: QPDFLibrary, _ kids: qpdf_oh, _ q: qpdf_data, _ next: inout Int) throws {
        if api.qpdf_oh_is_array(q, kids) != 0 {
            for i in 0..<api.qpdf_oh_get_array_n_items(q, kids) { try annotate(api, api.qpdf_oh_get_array_item(q, kids, i), q, &next) }
            return
        }
        // Integers (marked-content ids) and marked-content or object references have no `/S`.
        guard api.qpdf_oh_is_dictionary(q, kids) != 0, api.qpdf_oh_has_key(q, kids, "/S") != 0 else { return }
        let type = api.qpdf_oh_get_key(q, kids, "/S")
        if api.qpdf_oh_is_name_and_equals(q, type, "/Link") != 0 { return }
        guard next < elements.count else {
            throw CairoRenderError(message: "the PDF's structure tree has more elements than were drawn")
        }
        let element = elements[next]
        guard api.qpdf_oh_is_name_and_equals(q, type, "/" + element.role.rawValue) != 0 else {
            throw CairoRenderError(message: "structure element \(next + 1) is \(api.qpdf_oh_get_name(q, type).map { String(cString: $0) } ?? "?") "
                                   + "in the PDF but \(element.role.rawValue) in the drawing")
        }
        next += 1
        if let alt = element.alternativeText {
            api.qpdf_oh_replace_key(q, kids, "/Alt", api.qpdf_oh_new_unicode_string(q, alt))
        }
        if element.role == .headerCell {
            api.qpdf_oh_replace_key(q, kids, "/A", api.qpdf_oh_parse(q, "<< /O /Table /Scope /Column >>"))
        }
        try annotate(api, api.qpdf_oh_get_key(q, kids, "/K"), q, &next)
    }

    private func check(_ api: QPDFLibrary, _ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ what: String) throws {
        guard code & Int32(QPDF_ERRORS) == 0, api.qpdf_has_error(q) == 0 else {
            throw CairoRenderError(message: "\(what) failed: " + message(api, q, api.qpdf_get_error(q)))
        }
    }

    private func message(_ api: QPDFLibrary, _ q: qpdf_data, _ e: qpdf_error?) -> String {
        guard let e, let text = api.qpdf_get_error_full_text(q, e) else { return "(no detail)" }
        return String(cString: text)
    }
}
