import CQPDF
import Foundation

/// What a strict PDF reader finds in a file, read with qpdf (Debian's `libqpdf`): its
/// warnings, its links, and its structure tree, so tests can hold PDFs to what a checker,
/// a viewer and a screen reader need.
public struct PDFInspection {
    /// One structure element, in depth-first order.
    public struct Element: Equatable {
        /// The structure type without its slash (`H1`, `P`, `Figure`, `TH`…).
        public var role: String
        /// 0 for the root's children.
        public var depth: Int
        public var alternativeText: String?
        /// A table header cell's `/Scope` (`Column`, `Row`…).
        public var scope: String?
    }

    /// What `qpdf --check` would warn about (damage, repairs, bad streams); empty for a sound file.
    public var warnings: [String] = []
    public var pageCount = 0
    /// The catalog's `/Lang`.
    public var language: String?
    /// `/MarkInfo /Marked true`: what `pdfinfo` reports as `Tagged: yes`.
    public var marked = false
    /// `/ViewerPreferences /DisplayDocTitle true`: the window shows the title, not the file name.
    public var displaysTitle = false
    public var elements: [Element] = []
    /// The named destinations of every link annotation, page by page.
    public var linkDestinations: [String] = []

    /// Reads the PDF at `path`; throws when qpdf cannot open it at all.
    public init(path: String) throws {
        var handle: qpdf_data? = qpdf_init()
        defer { qpdf_cleanup(&handle) }
        guard let q = handle else { throw InspectionError(message: "qpdf could not start") }
        qpdf_silence_errors(q)
        if qpdf_read(q, path, nil) & Int32(QPDF_ERRORS) != 0 {
            throw InspectionError(message: "qpdf cannot read \(path): \(Self.text(q, qpdf_get_error(q)))")
        }
        _ = qpdf_check_pdf(q)
        while qpdf_more_warnings(q) != 0 { warnings.append(Self.text(q, qpdf_next_warning(q))) }
        if qpdf_has_error(q) != 0 { warnings.append(Self.text(q, qpdf_get_error(q))) }
        let root = qpdf_get_root(q)
        let lang = qpdf_oh_get_key(q, root, "/Lang")
        if qpdf_oh_is_string(q, lang) != 0 { language = String(cString: qpdf_oh_get_utf8_value(q, lang)) }
        let markInfo = qpdf_oh_get_key(q, root, "/MarkInfo")
        marked = qpdf_oh_is_bool(q, qpdf_oh_get_key(q, markInfo, "/Marked")) != 0
            && qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, markInfo, "/Marked")) != 0
        let display = qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/ViewerPreferences"), "/DisplayDocTitle")
        displaysTitle = qpdf_oh_is_bool(q, display) != 0 && qpdf_oh_get_bool_value(q, display) != 0
        pageCount = Int(qpdf_get_num_pages(q))
        for i in 0..<max(0, pageCount) {
            let annots = qpdf_oh_get_key(q, qpdf_get_page_n(q, i), "/Annots")
            guard qpdf_oh_is_array(q, annots) != 0 else { continue }
            for k in 0..<qpdf_oh_get_array_n_items(q, annots) {
                let dest = qpdf_oh_get_key(q, qpdf_oh_get_array_item(q, annots, k), "/Dest")
                if qpdf_oh_is_string(q, dest) != 0 { linkDestinations.append(String(cString: qpdf_oh_get_utf8_value(q, dest))) }
            }
        }
        let tree = qpdf_oh_get_key(q, root, "/StructTreeRoot")
        if qpdf_oh_is_dictionary(q, tree) != 0 { walk(qpdf_oh_get_key(q, tree, "/K"), q, depth: 0) }
    }

    /// What is wrong with the PDF at `path`: qpdf's warnings, or why it cannot be read at all;
    /// empty for a sound file. Bytes this process has already checked are not checked again:
    /// every corpus case leaves a copy of the same committed briefings behind.
    public static func problems(path: String) -> [String] {
        guard let bytes = FileManager.default.contents(atPath: path) else { return ["cannot read \(path)"] }
        if let known = checked.problems(of: bytes) { return known }
        let found: [String]
        do { found = try PDFInspection(path: path).warnings } catch { found = ["\(error)"] }
        checked.record(found, for: bytes)
        return found
    }
    private static let checked = CheckedPDFs()

    /// The elements of a role, in document order.
    public func elements(_ role: String) -> [Element] { elements.filter { $0.role == role } }

    private mutating func walk(_ kids: qpdf_oh, _ q: qpdf_data, depth: Int) {
        if qpdf_oh_is_array(q, kids) != 0 {
            for i in 0..<qpdf_oh_get_array_n_items(q, kids) { walk(qpdf_oh_get_array_item(q, kids, i), q, depth: depth) }
            return
        }
        guard qpdf_oh_is_dictionary(q, kids) != 0, qpdf_oh_has_key(q, kids, "/S") != 0 else { return }
        let s = qpdf_oh_get_key(q, kids, "/S")
        guard qpdf_oh_is_name(q, s) != 0 else { return }
        var e = Element(role: String(String(cString: qpdf_oh_get_name(q, s)).dropFirst()), depth: depth)
        let alt = qpdf_oh_get_key(q, kids, "/Alt")
        if qpdf_oh_is_string(q, alt) != 0 { e.alternativeText = String(cString: qpdf_oh_get_utf8_value(q, alt)) }
        let scope = qpdf_oh_get_key(q, qpdf_oh_get_key(q, kids, "/A"), "/Scope")
        if qpdf_oh_is_name(q, scope) != 0 { e.scope = String(String(cString: qpdf_oh_get_name(q, scope)).dropFirst()) }
        elements.append(e)
        walk(qpdf_oh_get_key(q, kids, "/K"), q, depth: depth + 1)
    }

    private static func text(_ q: qpdf_data, _ e: qpdf_error?) -> String {
        guard let e, let t = qpdf_get_error_full_text(q, e) else { return "(no detail)" }
        return String(cString: t)
    }
}

public struct InspectionError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The problems found in each PDF (by its bytes) this process has checked.
private final class CheckedPDFs: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [Data: [String]] = [:]
    func problems(of bytes: Data) -> [String]? { lock.withLock { found[bytes] } }
    func record(_ problems: [String], for bytes: Data) { lock.withLock { found[bytes] = problems } }
}
