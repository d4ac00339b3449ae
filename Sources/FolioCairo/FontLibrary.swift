import CPango
import Foundation

/// A font setup problem, with what to do about it.
public struct FontLibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Pins fontconfig to the project's font package, so no other installed font can change output.
///
/// `pin()` builds an `FcConfig` holding only the fonts of `directory` (FcConfigCreate,
/// FcConfigAppFontAddDir) and makes it current, once per process and before any Pango font map
/// exists. It is idempotent and thread-safe (a lazily initialised static); every entry point of
/// FolioCairo calls it first.
public enum FontLibrary {
    /// Where Debian's fonts-inter puts Inter.
    public static let directory = "/usr/share/fonts/opentype/inter"
    /// The family every chart and page asks for.
    public static let family = "Inter"

    private static let state: Result<Int, FontLibraryError> = {
        let dir = directory
        guard FileManager.default.fileExists(atPath: dir + "/Inter-Regular.otf") else {
            return .failure(FontLibraryError(message:
                "font directory \(dir) is missing Inter-Regular.otf: install fonts-inter (sudo apt-get install fonts-inter)"))
        }
        guard let config = FcConfigCreate() else {
            return .failure(FontLibraryError(message: "fontconfig could not create a configuration"))
        }
        // Give fontconfig a cache folder (the user's XDG cache, falling back to /tmp) so it does
        // not complain "No writable cache directories" on every run; fonts still come only from `dir`.
        let xml = """
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig><cachedir prefix="xdg">fontconfig</cachedir><cachedir>/tmp/folio-fontconfig-cache</cachedir></fontconfig>
            """
        _ = FcConfigParseAndLoadFromMemory(config, xml, 1)
        guard FcConfigAppFontAddDir(config, dir) != 0 else {
            return .failure(FontLibraryError(message: "fontconfig could not read fonts in \(dir): install fonts-inter"))
        }
        guard FcConfigSetCurrent(config) != 0 else {
            return .failure(FontLibraryError(message: "fontconfig refused the pinned configuration"))
        }
        let count = Int(FcConfigGetFonts(config, FcSetApplication)?.pointee.nfont ?? 0)
        return count > 0 ? .success(count)
            : .failure(FontLibraryError(message: "no fonts found in \(dir): install fonts-inter"))
    }()

    /// Pins the configuration (first call) or reports the first call's outcome.
    /// - Returns: the number of font faces available.
    @discardableResult
    public static func pin() throws -> Int { try state.get() }
}
