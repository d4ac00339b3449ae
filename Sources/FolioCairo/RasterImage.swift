import CCairo

/// A decoded PNG as ARGB pixels, for snapshot comparisons in tests.
public struct RasterImage: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// Premultiplied ARGB, row-major.
    public var pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// Decodes PNG bytes with cairo.
    public init(png: [UInt8]) throws {
        final class Source { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let source = Source(png)
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let n = Int(length)
            guard s.offset + n <= s.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            for i in 0..<n { data[i] = s.bytes[s.offset + i] }
            s.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw CairoRenderError(message: "not a PNG cairo can read")
        }
        width = Int(cairo_image_surface_get_width(surface)); height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var px: [UInt32] = []
        px.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { px.append(row[x]) }
        }
        pixels = px
    }

    /// Encodes the pixels as PNG.
    public func png() throws -> [UInt8] {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        guard let data = cairo_image_surface_get_data(surface) else { throw CairoRenderError(message: "no image memory") }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { row[x] = pixels[y * width + x] }
        }
        cairo_surface_mark_dirty(surface)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) { cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure) }
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoRenderError(message: "PNG encoding failed") }
        return sink.bytes
    }

    /// Pixels whose channels differ by more than `channelTolerance` (0…255), and a diff image
    /// (differing pixels red over a faded copy of `self`).
    public func difference(from other: RasterImage, channelTolerance: Int) -> (count: Int, diff: RasterImage) {
        guard width == other.width, height == other.height else {
            return (max(pixels.count, other.pixels.count), self)
        }
        var count = 0
        var out = pixels
        for i in pixels.indices {
            let a = pixels[i], b = other.pixels[i]
            var differs = false
            for shift in stride(from: 0, to: 32, by: 8) where abs(Int((a >> UInt32(shift)) & 0xff) - Int((b >> UInt32(shift)) & 0xff)) > channelTolerance {
                differs = true
            }
            if differs { count += 1; out[i] = 0xffff0000 } else { out[i] = 0xffe8e8e8 & (a | 0xff000000) | 0xff000000 }
        }
        return (count, RasterImage(width: width, height: height, pixels: out))
    }
}
