import Crypto
import Foundation

/// SHA-256 content hashes, hex-encoded, for the manifest and incremental runs.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }
    static func of(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
    static func of(_ text: String) -> String { of(Array(text.utf8)) }

    /// The hash of a file's bytes, or nil when it cannot be read.
    static func ofFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return of(data)
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
