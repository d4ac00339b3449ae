import CCrypto
import Foundation

/// SHA-256 content hashes, hex-encoded, for the manifest and incremental runs (OpenSSL's
/// libcrypto, one call per hash).
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes(digest) }
    /// Hashes the bytes where they are, without copying them into an array first.
    static func of(_ data: Data) -> String { data.withUnsafeBytes(digest) }
    static func of(_ text: String) -> String { of(Array(text.utf8)) }

    /// The hash of a file's bytes, or nil when it cannot be read.
    static func ofFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return of(data)
    }

    private static func digest(_ bytes: UnsafeRawBufferPointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &digest)
        return hex(digest)
    }

    private static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
