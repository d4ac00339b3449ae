import CCairo
import Foundation
import Testing
import TestSupport
import FolioScene
@testable import FolioCharts
@testable import FolioCairo

/// PNGs are drawn in bands of rows and streamed through zlib: the pixels must be exactly those
/// of one whole-image render, and the file must decode (CRCs, Adler-32) with libpng.
@Suite(.serialized) struct BandedPNGTests {
    let renderer: CairoSceneRenderer
    let engine: ChartLayoutEngine
    init() throws {
        renderer = try CairoSceneRenderer()
        engine = ChartLayoutEngine(measurer: try PangoTextMeasurer())
    }

    /// `scene` drawn into one surface of the whole image, as premultiplied ARGB.
    func wholeImage(_ scene: Scene, pixelsPerPoint: Double) throws -> RasterImage {
        let w = Int32((scene.size.width * pixelsPerPoint).rounded(.up)), h = Int32((scene.size.height * pixelsPerPoint).rounded(.up))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
        defer { cairo_surface_destroy(surface) }
        let cr = try require(cairo_create(surface))
        if let bg = scene.background, bg.alpha == 1 {
            cairo_set_source_rgba(cr, bg.red, bg.green, bg.blue, 1)
            cairo_paint(cr)
        }
        cairo_scale(cr, pixelsPerPoint, pixelsPerPoint)
        SceneDrawer(cr: cr, engine: try PangoEngine.shared.get(), tags: false).draw(scene)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        let data = try require(cairo_image_surface_get_data(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels: [UInt32] = []
        for y in 0..<Int(h) {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<Int(w) { pixels.append(row[x]) }
        }
        return RasterImage(width: Int(w), height: Int(h), pixels: pixels)
    }

    @Test func tallChartInManyBandsHasTheWholeImagesPixels() throws {
        let scene = try engine.layout(SampleCharts.ranked)
        let png = try renderer.png(scene, pixelsPerPoint: 200.0 / 72.0)
        let decoded = try RasterImage(png: png)
        // Several bands: the chart is taller than one band's rows.
        let rowsPerBand = CairoSceneRenderer.bandBytes / (decoded.width * 4)
        expect(decoded.height > 2 * rowsPerBand)
        expectEqual(decoded, (try wholeImage(scene, pixelsPerPoint: 200.0 / 72.0)))
    }

    @Test func transparentSceneIsWrittenAsRGBAWithTheSamePixels() throws {
        let scene = Scene(size: Size(300, 700), items: [
            .fill(.circle(center: Point(150, 350), radius: 120), Color(hex: 0x1f4e79, alpha: 0.6)),
            .text(TextItem(.plain("Half-transparent"), font: FontSpec(size: 12), origin: Point(10, 10))),
        ])
        let png = try renderer.png(scene, pixelsPerPoint: 2)
        expectEqual(png[25], 6, "colour type RGBA")
        let decoded = try RasterImage(png: png), whole = try wholeImage(scene, pixelsPerPoint: 2)
        // Un-premultiplying and premultiplying again may move a channel by one.
        expectEqual(decoded.difference(from: whole, channelTolerance: 1).count, 0)
    }

    @Test func opaqueSceneIsWrittenAsRGB() throws {
        let png = try renderer.png(try engine.layout(SampleCharts.counts), pixelsPerPoint: 2)
        expectEqual(png[25], 2, "colour type RGB")
    }

    @Test func anImageMissingRowsIsAnError() throws {
        let encoder = PNGEncoder(width: 4, height: 3, opaque: true)
        var row = [UInt32](repeating: 0xffff_ffff, count: 4)
        try row.withUnsafeMutableBytes { try encoder.append($0.baseAddress!, rows: 1, stride: 16) }
        expect(throws: CairoRenderError.self) { try encoder.finish() }
    }

    @Test(arguments: [(0x11223344 as UInt32, 0x01020304 as UInt32, 0x10203040 as UInt32),
                      (0x00000000, 0x01010101, 0xffffffff), (0x80ff0080, 0x7f01ff81, 0x01fe01ff)])
    func byteDifferenceIsPerByteModulo256(a: UInt32, b: UInt32, expected: UInt32) {
        expectEqual(PNGEncoder.byteDifference(a, b), expected)
    }
}

/// The same scene gives the same PNG bytes every time, on any thread. (With igzip, the encoder
/// before zlib, two folio processes side by side now and then gave different but valid PNG
/// bytes; this test never showed it, `folio run --jobs 2` against `--jobs 1` over 51 synthetic
/// sheets and a `folio check` in CI did.)
@Suite(.serialized) struct PNGRepeatabilityTests {
    @Test func manyEncodingsOnTwoThreadsGiveOneResult() throws {
        let renderer = try CairoSceneRenderer()
        let engine = ChartLayoutEngine(measurer: try PangoTextMeasurer())
        let scenes = try [SampleCharts.counts, SampleCharts.shares, SampleCharts.dots].map { try engine.layout($0) }
        let expected = try scenes.map { try renderer.png($0, pixelsPerPoint: 200.0 / 72.0) }
        final class Mismatches: @unchecked Sendable { let lock = NSLock(); var count = 0 }
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 60) { i in
            let k = i % scenes.count
            // Dirty the heap the encoder's buffers may come from.
            if (try? renderer.png(scenes[k], pixelsPerPoint: 200.0 / 72.0)) != expected[k] {
                mismatches.lock.lock(); mismatches.count += 1; mismatches.lock.unlock()
            }
        }
        expectEqual(mismatches.count, 0)
    }
}
