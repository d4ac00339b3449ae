import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport
import FolioScene
@testable import FolioCharts
@testable import FolioCairo

/// Text drawn from glyphs shaped once (`ShapedText`) and text written into SVG as `<text>`
/// (`SVGWriter`): both must agree with what Pango lays out.
@Suite(.serialized) struct TextOutputTests {
    let measurer: PangoTextMeasurer
    let renderer: CairoSceneRenderer
    let engine: ChartLayoutEngine
    init() throws {
        measurer = try PangoTextMeasurer()
        renderer = try CairoSceneRenderer()
        engine = ChartLayoutEngine(measurer: measurer)
    }

    /// The same words as plain text (replayed glyphs) and as markup (drawn by Pango itself)
    /// give the same pixels, wrapped, centred and rotated alike.
    @Test(arguments: [
        TextItem(.plain("Missing-child cases (Garwood) 0.36% — 4,546"), font: FontSpec(size: 11, weight: .bold), origin: Point(10, 10)),
        TextItem(.plain("Upload location is not where the child lives; these counts differ"), font: FontSpec(size: 8),
                 origin: Point(20, 30), width: 120, alignment: .center),
        TextItem(.plain("Reports per 100,000"), font: FontSpec(size: 8, tabularFigures: true), origin: Point(30, 150), rotation: 90),
        TextItem(.plain("1,234.5"), font: FontSpec(size: 9, italic: true), origin: Point(150, 60), alignment: .trailing),
    ])
    func replayedGlyphsMatchPango(item: TextItem) throws {
        var markup = item
        if case .plain(let s) = item.content {
            markup.content = .markup(s.replacingOccurrences(of: "&", with: "&amp;"))
        }
        let size = Size(200, 160)
        let a = try renderer.png(Scene(size: size, background: .white, items: [.text(item)]), pixelsPerPoint: 2)
        let b = try renderer.png(Scene(size: size, background: .white, items: [.text(markup)]), pixelsPerPoint: 2)
        expectEqual(a, b)
    }

    /// A plain text in a box it fits unbroken is shaped once without the box and moved
    /// (`ShapedText.placed`): the glyphs and lines must be exactly where Pango puts them in the
    /// box, for each alignment, whole-point and fractional widths, and several lines.
    @Test(arguments: [TextAlignment.leading, .center, .trailing])
    func placedTextMatchesPangoInTheBox(alignment: TextAlignment) throws {
        let engine = try PangoEngine.shared.get()
        for (text, width) in [("Per 100,000 children", 178.7875390625), ("Per 100,000 children", 120.0),
                              ("4,546", 37.0), ("Missing-child cases\nin 2023", 151.3)] {
            let item = TextItem(.plain(text), font: FontSpec(size: 12), origin: .zero, width: width, alignment: alignment)
            var unboxed = item
            unboxed.width = nil; unboxed.alignment = .leading
            let placed = try require(engine.laidOut(unboxed).placed(inWidth: width, alignment: alignment))
            let pango = engine.laidOut(item)
            expectEqual(placed.metrics, pango.metrics, "\(text) at \(width)")
            expectEqual(placed.lines.map(\.x), pango.lines.map(\.x), "\(text) at \(width)")
            expectEqual(placed.lines.map(\.advance), pango.lines.map(\.advance))
            expectEqual(placed.runs.flatMap { $0.glyphs.map(\.x) }, pango.runs.flatMap { $0.glyphs.map(\.x) })
            expectEqual(placed.runs.flatMap { $0.glyphs.map(\.index) }, pango.runs.flatMap { $0.glyphs.map(\.index) })
        }
        // A box the text does not fit with a point to spare is left to Pango.
        let narrow = engine.laidOut(TextItem(.plain("Per 100,000 children"), font: FontSpec(size: 12), origin: .zero))
        expect(narrow.placed(inWidth: narrow.metrics.width + 0.5, alignment: alignment) == nil)
    }

    /// `ccmp` switched off for mark-free text (`MarkFreeText`) must not change a glyph: every
    /// safe scalar, beside every other in order and beside the i and j that Inter's `ccmp`
    /// rules start from, in every weight and slant, shaped both ways. A combining accent, which
    /// `ccmp` does handle, shows the comparison can fail (HarfBuzz composes "e" and an acute itself; a "j" has no
    /// precomposed acute, and Inter's `ccmp` swaps in a dotless "j" under it).
    @Test func shapingWithoutCompositionKeepsMarkFreeGlyphs() throws {
        let engine = try PangoEngine.shared.get()
        let safe = (0x20...0x2100).compactMap(Unicode.Scalar.init).filter {
            MarkFreeText.isSafe($0) && !$0.properties.isWhitespace && $0.properties.generalCategory != .control
                && ![.format, .unassigned].contains($0.properties.generalCategory)
        }
        expect(safe.count > 400, "\(safe.count) scalars")
        let inOrder = String(String.UnicodeScalarView(safe))
        let besideIJ = safe.map { "\($0)i\($0)j\($0)" }.joined(separator: " ")
        for weight in [FontSpec.Weight.regular, .medium, .semibold, .bold] {
            for italic in [false, true] {
                let font = FontSpec(size: 10, weight: weight, italic: italic)
                for text in [inOrder, besideIJ] {
                    let item = TextItem(.plain(text), font: font, origin: .zero)
                    expectEqual(PangoLayoutBuilder.features(for: item), "ccmp=0")
                    let without = engine.laidOut(item), with = engine.laidOut(item, features: "")
                    expectEqual(without.metrics, with.metrics, "\(weight) italic \(italic)")
                    expectEqual(without.runs.flatMap { $0.glyphs.map(\.index) }, with.runs.flatMap { $0.glyphs.map(\.index) })
                    expectEqual(without.runs.flatMap { $0.glyphs.map(\.x) }, with.runs.flatMap { $0.glyphs.map(\.x) })
                }
            }
        }
        let accented = TextItem(.plain("j\u{301} !\u{20DE}"), font: FontSpec(size: 10), origin: .zero)
        expectEqual(PangoLayoutBuilder.features(for: accented), "")
        expect(engine.laidOut(accented, features: "ccmp=0").runs.flatMap { $0.glyphs.map(\.index) }
               != engine.laidOut(accented).runs.flatMap { $0.glyphs.map(\.index) })
        expect(!MarkFreeText.holds("<b>&#769;</b>", markup: true) && MarkFreeText.holds("<b>4 × 2 – 1</b>", markup: true))
    }

    @Test func shapedLinesCarryTextAndAdvance() throws {
        let item = TextItem(.plain("Team HOPE survivors and families supported in 2023"), font: FontSpec(size: 8),
                            origin: .zero, width: 90)
        let shaped = try PangoEngine.shared.get().shaped(item)
        expect(shaped.lines.count == shaped.metrics.lineCount && shaped.lines.count >= 2)
        expectEqual(shaped.lines.map(\.text).joined(separator: " "), "Team HOPE survivors and families supported in 2023")
        for line in shaped.lines {
            expect(line.advance > 0 && line.x + line.advance <= 90.01)
            expect(line.text.last != " ")
        }
        let single = try PangoEngine.shared.get().shaped(TextItem(.plain("Mississippi"), font: FontSpec(size: 8), origin: .zero))
        expect(abs(single.lines[0].advance - single.metrics.width) < 0.5)
    }

    @Test func svgKeepsEveryTextAsTextAndNoGlyphOutlines() throws {
        for chart in SampleCharts.all {
            let scene = try engine.layout(chart)
            let svg = String(decoding: try renderer.svg(scene), as: UTF8.self)
            expect(!svg.contains("<symbol") && !svg.contains("glyph"))
            for text in SceneTexts.placed(in: scene, measurer: measurer) where !text.string.isEmpty {
                // Wrapped texts are split into lines; each word is there, escaped.
                for word in text.string.split(separator: " ") {
                    let escaped = word.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    expect(svg.contains(escaped), "\(chart.id): '\(word)' missing from the SVG")
                }
            }
        }
    }

    @Test func svgIsWellFormedXMLWithNumberedClips() throws {
        let inner = Scene(size: Size(50, 50), items: [.fill(.rect(Rect(x: 0, y: 0, width: 80, height: 80)), Color(hex: 0x1f4e79, alpha: 0.5))])
        let scene = Scene(size: Size(120.5, 80), background: .white, items: [
            .group(Placement(offset: Point(10, 10), scale: 0.5), clip: Rect(x: 10, y: 10, width: 25, height: 25), items: inner.items),
            .group(Placement(offset: Point(60, 10)), clip: Rect(x: 60, y: 10, width: 25, height: 25), items: inner.items),
            .stroke(.line(Point(0, 79.9996), Point(120, 79.9996)), StrokeStyle(color: .black, width: 0.5, dash: [2, 1.5])),
            .text(TextItem(.plain("A < B & C"), font: FontSpec(size: 8), origin: Point(2, 2))),
        ])
        let bytes = try renderer.svg(scene)
        let svg = String(decoding: bytes, as: UTF8.self)
        let parser = XMLParser(data: Data(bytes))
        expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        expect(svg.contains("width=\"120.5pt\"") && svg.contains("viewBox=\"0 0 120.5 80\""))
        expect(svg.contains("id=\"clip1\"") && svg.contains("id=\"clip2\"") && svg.contains("url(#clip2)"))
        expect(svg.contains("fill-opacity=\"0.5\"") && svg.contains("stroke-dasharray=\"2 1.5\""))
        expect(svg.contains(">A &lt; B &amp; C</text>"))
        expect(svg.contains("translate(10 10) scale(0.5)") && svg.contains("M0 80 L120 80"))
    }

    @Test(arguments: [(0.0, "0"), (12.0, "12"), (0.5, "0.5"), (-3.125, "-3.125"), (1.0004, "1"), (-0.0004, "0"),
                      (0.0625, "0.063"), (100.01, "100.01"), (-0.05, "-0.05")])
    func svgNumbers(value: Double, text: String) {
        var out: [UInt8] = []
        SVGWriter.numberInto(&out, value)
        expectEqual(String(decoding: out, as: UTF8.self), text)
    }
}
