import CQPDF
import Foundation

/// The part of qpdf's C API that `PDFStructureFinisher` calls, loaded with `dlopen` on first use
/// instead of linked into `folio`.
///
/// Linked, libqpdf and the libraries it needs (GnuTLS and its seven, libjpeg) were mapped and
/// relocated by every `folio` process before `main`, though only a tagged briefing PDF needs
/// them, late in a run: an empty C program linked against folio's libraries started in 31 ms,
/// without libqpdf in 22–24 ms (`perf stat -r 40`, twice), and `folio --help` paid the same.
/// `CairoSceneRenderer.warmUp` loads it on the core that is idle while an analysis computes.
///
/// Each member is the C function of the same name; `CQPDF` supplies the types (no `link`).
struct QPDFLibrary: @unchecked Sendable {
    let qpdf_init: @convention(c) () -> qpdf_data?
    let qpdf_cleanup: @convention(c) (UnsafeMutablePointer<qpdf_data?>?) -> Void
    let qpdf_silence_errors: @convention(c) (qpdf_data?) -> Void
    let qpdf_read_memory: @convention(c) (qpdf_data?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UInt64,
                                          UnsafePointer<CChar>?) -> QPDF_ERROR_CODE
    let qpdf_more_warnings: @convention(c) (qpdf_data?) -> QPDF_BOOL
    let qpdf_next_warning: @convention(c) (qpdf_data?) -> qpdf_error?
    let qpdf_has_error: @convention(c) (qpdf_data?) -> QPDF_BOOL
    let qpdf_get_error: @convention(c) (qpdf_data?) -> qpdf_error?
    let qpdf_get_error_full_text: @convention(c) (qpdf_data?, qpdf_error?) -> UnsafePointer<CChar>?
    let qpdf_get_root: @convention(c) (qpdf_data?) -> qpdf_oh
    let qpdf_get_num_pages: @convention(c) (qpdf_data?) -> Int32
    let qpdf_get_page_n: @convention(c) (qpdf_data?, Int) -> qpdf_oh
    let qpdf_oh_replace_key: @convention(c) (qpdf_data?, qpdf_oh, UnsafePointer<CChar>?, qpdf_oh) -> Void
    let qpdf_oh_new_unicode_string: @convention(c) (qpdf_data?, UnsafePointer<CChar>?) -> qpdf_oh
    let qpdf_oh_new_name: @convention(c) (qpdf_data?, UnsafePointer<CChar>?) -> qpdf_oh
    let qpdf_oh_parse: @convention(c) (qpdf_data?, UnsafePointer<CChar>?) -> qpdf_oh
    let qpdf_oh_get_key: @convention(c) (qpdf_data?, qpdf_oh, UnsafePointer<CChar>?) -> qpdf_oh
    let qpdf_oh_has_key: @convention(c) (qpdf_data?, qpdf_oh, UnsafePointer<CChar>?) -> QPDF_BOOL
    let qpdf_oh_is_dictionary: @convention(c) (qpdf_data?, qpdf_oh) -> QPDF_BOOL
    let qpdf_oh_is_array: @convention(c) (qpdf_data?, qpdf_oh) -> QPDF_BOOL
    let qpdf_oh_get_array_n_items: @convention(c) (qpdf_data?, qpdf_oh) -> Int32
    let qpdf_oh_get_array_item: @convention(c) (qpdf_data?, qpdf_oh, Int32) -> qpdf_oh
    let qpdf_oh_is_name_and_equals: @convention(c) (qpdf_data?, qpdf_oh, UnsafePointer<CChar>?) -> QPDF_BOOL
    let qpdf_oh_get_name: @convention(c) (qpdf_data?, qpdf_oh) -> UnsafePointer<CChar>?
    let qpdf_init_write_memory: @convention(c) (qpdf_data?) -> QPDF_ERROR_CODE
    let qpdf_set_deterministic_ID: @convention(c) (qpdf_data?, QPDF_BOOL) -> Void
    let qpdf_set_object_stream_mode: @convention(c) (qpdf_data?, qpdf_object_stream_e) -> Void
    let qpdf_write: @convention(c) (qpdf_data?) -> QPDF_ERROR_CODE
    let qpdf_get_buffer: @convention(c) (qpdf_data?) -> UnsafePointer<UInt8>?
    let qpdf_get_buffer_length: @convention(c) (qpdf_data?) -> Int

    /// The names tried, in order: the soname Debian 12's libqpdf29 installs, then the
    /// development link `libqpdf-dev` adds, for a qpdf 11 with another soname.
    static let names = ["libqpdf.so.29", "libqpdf.so"]

    /// The library, loaded by the first caller (thread-safe), or why it could not be.
    static let shared: Result<QPDFLibrary, CairoRenderError> = {
        var reasons: [String] = []
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                reasons.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            do { return .success(try QPDFLibrary(handle)) } catch let error as CairoRenderError {
                return .failure(error)
            } catch { return .failure(CairoRenderError(message: "\(error)")) }
        }
        return .failure(CairoRenderError(message:
            "qpdf's library could not be loaded (\(reasons.joined(separator: "; "))): install libqpdf-dev (make deps)"))
    }()

    private init(_ handle: UnsafeMutableRawPointer) throws {
        func load<T>(_ name: String) throws -> T {
            guard let address = dlsym(handle, name) else {
                throw CairoRenderError(message: "qpdf's library has no \(name): qpdf 11 or later is needed")
            }
            return unsafeBitCast(address, to: T.self)
        }
        qpdf_init = try load("qpdf_init")
        qpdf_cleanup = try load("qpdf_cleanup")
        qpdf_silence_errors = try load("qpdf_silence_errors")
        qpdf_read_memory = try load("qpdf_read_memory")
        qpdf_more_warnings = try load("qpdf_more_warnings")
        qpdf_next_warning = try load("qpdf_next_warning")
        qpdf_has_error = try load("qpdf_has_error")
        qpdf_get_error = try load("qpdf_get_error")
        qpdf_get_error_full_text = try load("qpdf_get_error_full_text")
        qpdf_get_root = try load("qpdf_get_root")
        qpdf_get_num_pages = try load("qpdf_get_num_pages")
        qpdf_get_page_n = try load("qpdf_get_page_n")
        qpdf_oh_replace_key = try load("qpdf_oh_replace_key")
        qpdf_oh_new_unicode_string = try load("qpdf_oh_new_unicode_string")
        qpdf_oh_new_name = try load("qpdf_oh_new_name")
        qpdf_oh_parse = try load("qpdf_oh_parse")
        qpdf_oh_get_key = try load("qpdf_oh_get_key")
        qpdf_oh_has_key = try load("qpdf_oh_has_key")
        qpdf_oh_is_dictionary = try load("qpdf_oh_is_dictionary")
        qpdf_oh_is_array = try load("qpdf_oh_is_array")
        qpdf_oh_get_array_n_items = try load("qpdf_oh_get_array_n_items")
        qpdf_oh_get_array_item = try load("qpdf_oh_get_array_item")
        qpdf_oh_is_name_and_equals = try load("qpdf_oh_is_name_and_equals")
        qpdf_oh_get_name = try load("qpdf_oh_get_name")
        qpdf_init_write_memory = try load("qpdf_init_write_memory")
        qpdf_set_deterministic_ID = try load("qpdf_set_deterministic_ID")
        qpdf_set_object_stream_mode = try load("qpdf_set_object_stream_mode")
        qpdf_write = try load("qpdf_write")
        qpdf_get_buffer = try load("qpdf_get_buffer")
        qpdf_get_buffer_length = try load("qpdf_get_buffer_length")
    }
}
