import Foundation
import FolioCairo
import FolioScene
import Testing
import TestSupport

/// Structure items become a tagged PDF that qpdf finds sound, with what cairo cannot write added.
@Suite struct TaggedPDFRenderTests {
    func text(_ s: String, y: Double) -> SceneItem {
        .text(TextItem(.plain(s), font: FontSpec(size: 11), origin: Point(40, y)))
    }

    func write(_ bytes: [UInt8]) throws -> String {
        // (One file per call; the caller removes it.)
        let path = NSTemporaryDirectory() + "folio-tagged-\(UUID().uuidString).pdf"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func elementsAcrossPagesKeepTheirOrderAndFiguresTheirAlternativeText() throws {
        let renderer = try CairoSceneRenderer()
        // A tinted box before the first element, a list that spans the page break, a link.
        let first = Scene(size: Size(300, 300), background: .white, items: [
            .fill(.rect(Rect(x: 0, y: 0, width: 300, height: 20)), Color(red: 0.9, green: 0.9, blue: 0.9)),
            .beginStructure(StructureElement(.heading1)), text("Title", y: 30), .endStructure,
            .destination(name: "fig-a", at: Point(40, 200)),
            .beginStructure(StructureElement(.list)), .beginStructure(StructureElement(.listItem)), text("one", y: 60),
            .endStructure,
        ])
        let second = Scene(size: Size(300, 300), background: .white, items: [
            .beginStructure(StructureElement(.listItem)), text("two", y: 40), .endStructure, .endStructure,
            .beginStructure(StructureElement(.paragraph)), .beginStructure(StructureElement(.span)), text("see", y: 80),
            .endStructure, .internalLink(Rect(x: 40, y: 70, width: 20, height: 12), destination: "fig-a"), .endStructure,
            .beginStructure(StructureElement(.figure, alternativeText: "Bars: A is twice B")),
            .fill(.rect(Rect(x: 40, y: 120, width: 50, height: 50)), .black), .endStructure,
            text("Page 2 of 2", y: 280),
        ])
        let bytes = try renderer.pdf(PagedDocument(pages: [first, second], metadata: DocumentMetadata(title: "T", date: "2023-12-31T00:00:00")))
        let path = try write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pdf = try PDFInspection(path: path)
        expect(pdf.warnings.isEmpty, "\(pdf.warnings)")
        expect(pdf.marked && pdf.displaysTitle && pdf.language == "en")
        expectEqual(pdf.elements.map(\.role), ["Document", "H1", "L", "LI", "LI", "P", "Span", "Link", "Figure"])
        expectEqual(pdf.elements("Figure").first?.alternativeText, "Bars: A is twice B")
        expectEqual(pdf.linkDestinations, ["fig-a"])
        // The same document gives the same bytes.
        expectEqual(try renderer.pdf(PagedDocument(pages: [first, second], metadata: DocumentMetadata(title: "T", date: "2023-12-31T00:00:00"))), bytes)
    }

    /// The inspection the end-to-end tests rely on sees damage: a file whose cross-reference
    /// offset is wrong has problems.
    @Test func theInspectionCatchesADamagedFile() throws {
        let renderer = try CairoSceneRenderer()
        let page = Scene(size: Size(200, 200), items: [.beginStructure(StructureElement(.paragraph)), text("x", y: 40), .endStructure])
        var bytes = try renderer.pdf(PagedDocument(pages: [page], metadata: DocumentMetadata(title: "T", date: "2023-12-31T00:00:00")))
        let sound = try write(bytes)
        defer { try? FileManager.default.removeItem(atPath: sound) }
        expect(PDFInspection.problems(path: sound).isEmpty)
        let tail = String(decoding: bytes.suffix(40), as: UTF8.self)
        let offset = try require(tail.split(separator: "\n").dropLast().last.flatMap { Int($0) })
        let wrong = Array("startxref\n\(offset - 7)\n%%EOF\n".utf8)
        let at = try require(bytes.lastRange(of: Array("startxref".utf8)))
        bytes.replaceSubrange(at.lowerBound..., with: wrong)
        let damaged = try write(bytes)
        defer { try? FileManager.default.removeItem(atPath: damaged) }
        expect(!PDFInspection.problems(path: damaged).isEmpty)
    }

    @Test func anElementLeftOpenIsAnErrorNotADamagedFile() throws {
        let renderer = try CairoSceneRenderer()
        let page = Scene(size: Size(200, 200), items: [.beginStructure(StructureElement(.paragraph)), text("open", y: 40)])
        expect(throws: (any Error).self) {
            try renderer.pdf(PagedDocument(pages: [page], metadata: DocumentMetadata(title: "T", date: "2023-12-31T00:00:00")))
        }
    }
}

extension Array where Element == UInt8 {
    /// The range of the last occurrence of `needle`.
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard needle.count <= count else { return nil }
        for start in stride(from: count - needle.count, through: 0, by: -1) where Array(self[start..<start + needle.count]) == needle {
            return start..<start + needle.count
        }
        return nil
    }
}
