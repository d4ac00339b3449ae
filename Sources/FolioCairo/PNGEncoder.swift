import CZlib
import Foundation

/// Encodes cairo ARGB32 pixels as a PNG, band by band, so a chart never needs a full-size pixel
/// buffer: the renderer draws a band of rows, hands it over, and reuses the same memory for the
/// next band.
///
/// Each row becomes filter byte 2 ("Up": the row minus the row above, long runs of zeros on
/// charts' flat colour) followed by 8-bit RGB when the image is opaque (a chart on its white
/// background), RGBA otherwise (alpha un-premultiplied like cairo's writer). The filtered rows
/// stream into zlib (Debian's, which cairo links already) at level 1. On the state briefing's
/// seven charts (20.6 MB of filtered rows) level 1 writes 616 KB in about 50 ms; level 6 531 KB
/// in 140 ms; the run-length strategy 1 MB in no less time. Memory level 5 rather than zlib's
/// default 8 (a 4K-entry hash table, not 32K): zlib slides the table every 32 KB of input, and
/// on those rows that took a fifth of its work: 420 M instructions against 525 M (callgrind),
/// 34.0 against 36.0 ms median (60 alternating runs), and 613 KB, not 616. Intel ISA-L's igzip, used here
/// before, took about 4 ms for files two fifths larger, but needed a process-wide lock and
/// zeroed memory to repeat its bytes, and CI still saw a chart's bytes differ between a run and
/// its check; zlib's output is fixed by its input and calls, on every thread and machine.
///
/// Why not cairo's own writer (libpng, zlib's default level): it needs the whole image as one
/// surface (9 MB for the tallest chart) and took about 23 ms of a 1300-px chart's 30.
final class PNGEncoder {
    /// zlib level 1, default strategy, memory level 5 (see the type's comment).
    static let level: Int32 = 1
    static let strategy: Int32 = Z_DEFAULT_STRATEGY
    static let memoryLevel: Int32 = 5
    /// Bytes after a band's filtered lines that the opaque loop's 4-byte stores may touch.
    static let slack = 4

    let width: Int
    let height: Int
    let opaque: Bool
    private var bytesPerPixel: Int { opaque ? 3 : 4 }
    private let stream: UnsafeMutablePointer<z_stream>
    /// The last row's pixels, opaque or un-premultiplied (for "Up"), and the current band's filtered lines.
    private var previousRow: [UInt32]
    private var filtered: [UInt8] = []
    private var compressed: [UInt8] = []
    private var outBuffer: [UInt8]
    private var rowsWritten = 0
    /// Whether zlib accepted the stream (it fails only when out of memory).
    private let initialised: Bool

    /// - Parameter opaque: every pixel has alpha 255 (write RGB), known before the first band.
    init(width: Int, height: Int, opaque: Bool) {
        self.width = width; self.height = height; self.opaque = opaque
        stream = .allocate(capacity: 1)
        memset(stream, 0, MemoryLayout<z_stream>.size)
        initialised = folio_deflate_init(stream, Self.level, Self.strategy, Self.memoryLevel) == Z_OK
        previousRow = [UInt32](repeating: 0, count: width)
        outBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    }

    deinit {
        if initialised { deflateEnd(stream) }
        stream.deallocate()
    }

    /// Filters and compresses `rows` rows of premultiplied native-endian 0xAARRGGBB pixels,
    /// `stride` bytes apart: the next rows of the image, top to bottom. An opaque image's rows are
    /// filtered in place, so the pixels are overwritten.
    func append(_ argb: UnsafeMutableRawPointer, rows: Int, stride: Int) throws {
        precondition(rowsWritten + rows <= height, "more rows than the image has")
        let rowBytes = width * bytesPerPixel, lineBytes = rowBytes + 1
        // Plus slack for the last pixel's spare byte (see `packOpaque`).
        if filtered.count < rows * lineBytes + Self.slack { filtered = [UInt8](repeating: 0, count: rows * lineBytes + Self.slack) }
        filtered.withUnsafeMutableBufferPointer { all in
            previousRow.withUnsafeMutableBufferPointer { prev in
                let out = all.baseAddress!
                if opaque {
                    upFilterInPlace(argb, rows: rows, stride: stride, previous: prev.baseAddress!)
                    for y in 0..<rows {
                        out[y * lineBytes] = 2
                        Self.packOpaque((argb + y * stride).assumingMemoryBound(to: UInt32.self),
                                        count: width, into: out + y * lineBytes + 1)
                    }
                    return
                }
                for y in 0..<rows {
                    let row = (argb + y * stride).assumingMemoryBound(to: UInt32.self)
                    let line = out + y * lineBytes
                    line[0] = 2
                    let raw = UnsafeMutableRawPointer(line + 1)
                    for x in 0..<width {
                        let p = Self.unpremultiplied(row[x]), d = Self.byteDifference(p, prev[x])
                        // PNG's R, G, B, A byte order from 0xAARRGGBB.
                        let rgba = (d >> 16) & 0xff | d & 0xff00 | (d & 0xff) << 16 | d & 0xff00_0000
                        raw.storeBytes(of: rgba.littleEndian, toByteOffset: 4 * x, as: UInt32.self)
                        prev[x] = p
                    }
                }
            }
        }
        rowsWritten += rows
        try deflate(filtered, count: rows * lineBytes, last: rowsWritten == height)
    }

    /// "Up" on an opaque band in place: each row's bytes minus the row above's, bottom row first
    /// so every row is taken from the original above it; the band's first row from `previous`
    /// (the last band's last row, saved first for the next band). Byte-wise subtraction, which the
    /// compiler vectorises, then a plain pack: the state briefing's seven PNGs went from 646 M to
    /// 512 M instructions (callgrind, with the opaque bands no longer cleared before painting),
    /// where a scalar SWAR difference per pixel took 20 instructions a pixel.
    private func upFilterInPlace(_ argb: UnsafeMutableRawPointer, rows: Int, stride: Int,
                                 previous: UnsafeMutablePointer<UInt32>) {
        guard rows > 0 else { return }
        let bytes = width * 4
        var saved = [UInt8](repeating: 0, count: bytes)
        saved.withUnsafeMutableBytes { memcpy($0.baseAddress!, argb + (rows - 1) * stride, bytes) }
        for y in Swift.stride(from: rows - 1, through: 0, by: -1) {
            let row = (argb + y * stride).assumingMemoryBound(to: UInt8.self)
            let above = y > 0 ? UnsafePointer((argb + (y - 1) * stride).assumingMemoryBound(to: UInt8.self))
                              : UnsafeRawPointer(previous).assumingMemoryBound(to: UInt8.self)
            Self.subtract(above, from: row, count: bytes)
        }
        saved.withUnsafeBytes { _ = memcpy(previous, $0.baseAddress!, bytes) }
    }

    /// `row[i] -= above[i]` modulo 256 for `count` bytes.
    @inline(__always)
    static func subtract(_ above: UnsafePointer<UInt8>, from row: UnsafeMutablePointer<UInt8>, count: Int) {
        for i in 0..<count { row[i] = row[i] &- above[i] }
    }

    /// Filtered 0xXXRRGGBB words to R, G, B bytes: one unaligned 4-byte store a pixel writes R, G,
    /// B and a spare byte that the next pixel (or the next line's filter byte, or the buffer's
    /// slack) overwrites.
    @inline(__always)
    static func packOpaque(_ row: UnsafePointer<UInt32>, count: Int, into out: UnsafeMutablePointer<UInt8>) {
        var raw = UnsafeMutableRawPointer(out)
        for x in 0..<count {
            raw.storeBytes(of: (row[x] << 8).bigEndian, as: UInt32.self)
            raw += 3
        }
    }

    /// The PNG file: signature, IHDR, one IDAT with the whole zlib stream, IEND.
    func finish() throws -> [UInt8] {
        guard rowsWritten == height else {
            throw CairoRenderError(message: "PNG has \(rowsWritten) of its \(height) rows")
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(compressed.count + 64)
        var header: [UInt8] = []
        header.append(bigEndian: UInt32(width)); header.append(bigEndian: UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        Self.chunk("IHDR", header, into: &png)
        Self.chunk("IDAT", compressed, into: &png)
        Self.chunk("IEND", [], into: &png)
        return png
    }

    private func deflate(_ input: [UInt8], count: Int, last: Bool) throws {
        guard initialised else { throw CairoRenderError(message: "zlib could not start a stream (out of memory)") }
        try input.withUnsafeBufferPointer { inBuffer in
            try outBuffer.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
                stream.pointee.avail_in = UInt32(count)
                var status: Int32
                repeat {
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = UInt32(out.count)
                    status = CZlib.deflate(stream, last ? Z_FINISH : Z_NO_FLUSH)
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw CairoRenderError(message: "zlib failed (\(status))")
                    }
                    let produced = out.count - Int(stream.pointee.avail_out)
                    if produced > 0 { compressed.append(contentsOf: out[0..<produced]) }
                } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0 || (last && status != Z_STREAM_END)
            }
        }
    }

    /// The four bytes of `a` minus those of `b`, each modulo 256, without borrows between bytes.
    @inline(__always)
    static func byteDifference(_ a: UInt32, _ b: UInt32) -> UInt32 {
        let high: UInt32 = 0x8080_8080
        return ((a | high) &- (b & ~high)) ^ ((a ^ ~b) & high)
    }

    /// A premultiplied 0xAARRGGBB pixel with its colour divided back by alpha (cairo's rounding).
    static func unpremultiplied(_ p: UInt32) -> UInt32 {
        let a = p >> 24
        if a == 0xff { return p }
        if a == 0 { return 0 }
        let r = (((p >> 16) & 0xff) * 255 + a / 2) / a, g = (((p >> 8) & 0xff) * 255 + a / 2) / a
        let b = ((p & 0xff) * 255 + a / 2) / a
        return a << 24 | min(r, 255) << 16 | min(g, 255) << 8 | min(b, 255)
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png.append(bigEndian: UInt32(data.count))
        let typeBytes = Array(type.utf8)
        var crc = typeBytes.withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, UInt32($0.count)) }
        crc = data.withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress, UInt32($0.count)) }
        png += typeBytes
        png += data
        png.append(bigEndian: UInt32(crc))
    }
}

private extension Array where Element == UInt8 {
    mutating func append(bigEndian v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xff)); append(UInt8((v >> 8) & 0xff)); append(UInt8(v & 0xff))
    }
}
