import CCairo
import CZlib

/// Encodes a cairo ARGB32 image surface as PNG with zlib directly, instead of
/// `cairo_surface_write_to_png_stream` (libpng with adaptive filtering at zlib's default level),
/// which took about 23 ms of a 1300-px chart's 30.
///
/// Charts are mostly flat colour, so every row uses the "Up" filter (a row minus the row above:
/// long runs of zeros) and deflate runs at level 1 (levels 1–3 measured within noise of each other,
/// level 6 twice as slow for 20% smaller files; Z_RLE no faster and twice the size). The
/// image is written as 8-bit RGB when every pixel is opaque (a chart on its white background),
/// as RGBA otherwise (alpha un-premultiplied like cairo's writer). Same pixels, same bytes.
enum PNGEncoder {
    struct Options: Sendable {
        /// Level 1: 5× faster than cairo's writer here, files about 15% larger.
        var level: Int32 = 1
        var strategy: Int32 = Z_DEFAULT_STRATEGY
    }
    static let options = Options()

    static func encode(surface: OpaquePointer?) throws -> [UInt8] {
        cairo_surface_flush(surface)
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32,
              let data = cairo_image_surface_get_data(surface) else {
            throw CairoRenderError(message: "PNG encoding needs an ARGB32 image surface")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        return try encode(argb: UnsafeRawPointer(data), width: width, height: height, stride: stride)
    }

    /// `argb`: premultiplied native-endian 0xAARRGGBB pixels, rows `stride` bytes apart.
    static func encode(argb: UnsafeRawPointer, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        var opaque = true
        for y in 0..<height where opaque {
            let row = (argb + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xff { opaque = false; break }
        }
        let bpp = opaque ? 3 : 4
        let rowBytes = width * bpp
        // Each scanline is filtered ("Up": a filter byte 2, then the row minus the row above) into
        // a small buffer and fed to deflate at once, so no whole-image copy is ever allocated.
        let z = try Deflater(level: options.level, strategy: options.strategy)
        defer { z.end() }
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var current = [UInt8](repeating: 0, count: rowBytes)
        var line = [UInt8](repeating: 0, count: rowBytes + 1)
        line[0] = 2
        for y in 0..<height {
            let row = (argb + y * stride).assumingMemoryBound(to: UInt32.self)
            current.withUnsafeMutableBufferPointer { cur in
                var i = 0
                for x in 0..<width {
                    let p = row[x]
                    let a = p >> 24
                    var r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff
                    if a != 0xff && a != 0 {
                        r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a
                    } else if a == 0 { r = 0; g = 0; b = 0 }
                    cur[i] = UInt8(truncatingIfNeeded: r); cur[i + 1] = UInt8(truncatingIfNeeded: g)
                    cur[i + 2] = UInt8(truncatingIfNeeded: b)
                    if bpp == 4 { cur[i + 3] = UInt8(truncatingIfNeeded: a) }
                    i += bpp
                }
            }
            line.withUnsafeMutableBufferPointer { out in
                current.withUnsafeBufferPointer { cur in
                    previous.withUnsafeBufferPointer { prev in
                        for k in 0..<rowBytes { out[k + 1] = cur[k] &- prev[k] }
                    }
                }
            }
            try z.add(line, finish: y == height - 1)
            swap(&current, &previous)
        }
        let compressed = z.output

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(compressed.count + 64)
        var header: [UInt8] = []
        header.append(bigEndian: UInt32(width)); header.append(bigEndian: UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        chunk("IHDR", header, into: &png)
        chunk("IDAT", compressed, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png.append(bigEndian: UInt32(data.count))
        let typeBytes = Array(type.utf8)
        var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += typeBytes
        png += data
        png.append(bigEndian: UInt32(truncatingIfNeeded: crc))
    }
}

/// A zlib stream fed in pieces, collecting its output. zlib keeps a pointer back to the
/// `z_stream`, so it lives at a fixed heap address.
private final class Deflater {
    private let streamPointer = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    var output: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    init(level: Int32, strategy: Int32) throws {
        streamPointer.initialize(to: z_stream())
        guard deflateInit2_(streamPointer, level, Z_DEFLATED, 15, 9, strategy,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CairoRenderError(message: "zlib could not start")
        }
    }

    func add(_ input: [UInt8], finish: Bool) throws {
        try input.withUnsafeBufferPointer { inp in
            streamPointer.pointee.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            streamPointer.pointee.avail_in = uInt(inp.count)
            while true {
                let produced: Int
                let status: Int32
                (status, produced) = buffer.withUnsafeMutableBufferPointer { out in
                    streamPointer.pointee.next_out = out.baseAddress
                    streamPointer.pointee.avail_out = uInt(out.count)
                    let s = CZlib.deflate(streamPointer, finish ? Z_FINISH : Z_NO_FLUSH)
                    return (s, out.count - Int(streamPointer.pointee.avail_out))
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw CairoRenderError(message: "zlib failed: \(status)")
                }
                output.append(contentsOf: buffer[0..<produced])
                if finish ? status == Z_STREAM_END : (streamPointer.pointee.avail_in == 0 && streamPointer.pointee.avail_out != 0) { break }
            }
        }
    }

    func end() { deflateEnd(streamPointer); streamPointer.deallocate() }
}

private extension Array where Element == UInt8 {
    mutating func append(bigEndian v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xff)); append(UInt8((v >> 8) & 0xff)); append(UInt8(v & 0xff))
    }
}
