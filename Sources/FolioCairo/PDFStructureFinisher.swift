import CQPDF
import FolioScene

/// Completes a tagged PDF that cairo wrote with what cairo 1.16 cannot express, through qpdf
/// (Debian's `libqpdf`), and refuses a file qpdf has to repair.
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
        var handle: qpdf_data? = qpdf_init()
        defer { qpdf_cleanup(&handle) }
        guard let q = handle else { throw CairoRenderError(message: "qpdf could not start") }
        qpdf_silence_errors(q)
        let read = pdf.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                qpdf_read_memory(q, "document.pdf", $0.baseAddress, UInt64($0.count), nil)
            }
        }
        try check(q, read, "reading the PDF cairo wrote")
        if qpdf_more_warnings(q) != 0 {
            throw CairoRenderError(message: "cairo wrote a damaged PDF: " + message(q, qpdf_next_warning(q)))
        }
        let root = qpdf_get_root(q)
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, language))
        qpdf_oh_replace_key(q, root, "/ViewerPreferences", qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"))
        qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"))
        for i in 0..<max(0, Int(qpdf_get_num_pages(q))) {
            qpdf_oh_replace_key(q, qpdf_get_page_n(q, i), "/Tabs", qpdf_oh_new_name(q, "/S"))
        }
        let tree = qpdf_oh_get_key(q, root, "/StructTreeRoot")
        guard qpdf_oh_is_dictionary(q, tree) != 0 else {
            throw CairoRenderError(message: "cairo wrote no structure tree for a tagged PDF")
        }
        var next = 0
        try annotate(qpdf_oh_get_key(q, tree, "/K"), q, &next)
        guard next == elements.count else {
            throw CairoRenderError(message: "the PDF's structure tree has \(next) elements where \(elements.count) were drawn")
        }
        try check(q, qpdf_init_write_memory(q), "writing the tagged PDF")
        qpdf_set_deterministic_ID(q, 1)
        // Object streams hold the structure tree's many small objects: a third smaller file.
        qpdf_set_object_stream_mode(q, qpdf_o_generate)
        try check(q, qpdf_write(q), "writing the tagged PDF")
        guard let bytes = qpdf_get_buffer(q) else { throw CairoRenderError(message: "qpdf wrote no PDF") }
        return Array(UnsafeBufferPointer(start: bytes, count: qpdf_get_buffer_length(q)))
    }

    /// Walks a `/K` entry depth first, pairing each structure element with the next drawn one.
    private func annotate(_ kids: qpdf_oh, _ q: qpdf_data, _ next: inout Int) throws {
        if qpdf_oh_is_array(q, kids) != 0 {
            for i in 0..<qpdf_oh_get_array_n_items(q, kids) { try annotate(qpdf_oh_get_array_item(q, kids, i), q, &next) }
            return
        }
        // Integers (marked-content ids) and marked-content or object references have no `/S`.
        guard qpdf_oh_is_dictionary(q, kids) != 0, qpdf_oh_has_key(q, kids, "/S") != 0 else { return }
        let type = qpdf_oh_get_key(q, kids, "/S")
        if qpdf_oh_is_name_and_equals(q, type, "/Link") != 0 { return }
        guard next < elements.count else {
            throw CairoRenderError(message: "the PDF's structure tree has more elements than were drawn")
        }
        let element = elements[next]
        guard qpdf_oh_is_name_and_equals(q, type, "/" + element.role.rawValue) != 0 else {
            throw CairoRenderError(message: "structure element \(next + 1) is \(String(cString: qpdf_oh_get_name(q, type))) "
                                   + "in the PDF but \(element.role.rawValue) in the drawing")
        }
        next += 1
        if let alt = element.alternativeText {
            qpdf_oh_replace_key(q, kids, "/Alt", qpdf_oh_new_unicode_string(q, alt))
        }
        if element.role == .headerCell {
            qpdf_oh_replace_key(q, kids, "/A", qpdf_oh_parse(q, "<< /O /Table /Scope /Column >>"))
        }
        try annotate(qpdf_oh_get_key(q, kids, "/K"), q, &next)
    }

    private func check(_ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ what: String) throws {
        guard code & Int32(QPDF_ERRORS) == 0, qpdf_has_error(q) == 0 else {
            throw CairoRenderError(message: "\(what) failed: " + message(q, qpdf_get_error(q)))
        }
    }

    private func message(_ q: qpdf_data, _ e: qpdf_error?) -> String {
        guard let e, let text = qpdf_get_error_full_text(q, e) else { return "(no detail)" }
        return String(cString: text)
    }
}
