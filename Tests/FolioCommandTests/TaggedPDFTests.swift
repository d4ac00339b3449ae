import Foundation
import Testing
import TestSupport
import EndToEndSupport

/// The briefing PDF as a screen reader and a strict checker read it: a structure tree with the
/// headings in order, figures with their alternative text, tables with header cells.
@Suite struct TaggedPDFTests {
    /// The heading levels and texts of an HTML page, in order (tags inside a heading dropped).
    func htmlHeadings(_ html: String) throws -> [(level: String, text: String)] {
        let regex = try NSRegularExpression(pattern: "<h([1-6])[^>]*>(.*?)</h\\1>", options: [.dotMatchesLineSeparators])
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { m in
            let inner = ns.substring(with: m.range(at: 2)).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            return ("H" + ns.substring(with: m.range(at: 1)), unescaped(inner))
        }
    }

    /// HTML text with the two entities the writer uses (`&#39;`, `&amp;`) read back.
    func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The heading elements `pdfinfo -struct-text` (poppler, a second reader) finds, with the
    /// first line of their text.
    func pdfHeadings(_ path: String) throws -> [(level: String, text: String)] {
        let lines = try runProcess("/usr/bin/pdfinfo", ["-struct-text", path]).out.split(separator: "\n").map(String.init)
        var result: [(String, String)] = []
        for (i, line) in lines.enumerated() {
            let role = line.trimmingCharacters(in: .whitespaces)
            guard role.range(of: "^H[1-6] \\(block\\)$", options: .regularExpression) != nil, i + 1 < lines.count else { continue }
            let text = lines[i + 1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            result.append((String(role.prefix(2)), text))
        }
        return result
    }

    @Test func theBriefingIsATaggedPDFWithHeadingsFiguresAndTables() throws {
        // The shared reference run, at 72 dpi: the PDFs' tags do not depend on the PNGs' resolution.
        let out = try ReferenceRun.output()
        for folder in ["state-briefing/mississippi-2023", "one-pager/mississippi-2023", "penguins/biscoe"] {
            let path = out + "/" + folder + "/briefing.pdf"
            let pdf = try PDFInspection(path: path)
            expect(pdf.warnings.isEmpty, "\(folder): \(pdf.warnings)")
            expect(pdf.marked, "\(folder): not marked as tagged")
            expectEqual(pdf.language, "en")
            expect(pdf.displaysTitle, "\(folder): the window would show the file name, not the title")
            // One Document root holding everything.
            expect(pdf.elements.first?.role == "Document" && pdf.elements.filter { $0.depth == 0 }.count == 1)

            // Headings: the same levels and words, in the same order, as the HTML's.
            let html = try String(contentsOfFile: out + "/" + folder + "/briefing.html", encoding: .utf8)
            var expected = try htmlHeadings(html)
            if folder.hasPrefix("one-pager") {
                // Held to one page, its PDF condenses the methods section to a paragraph: no subheadings.
                expectEqual(pdf.pageCount, 1)
                expected = Array(expected.prefix { $0.text != "Files and lines read" })
            }
            let found = try pdfHeadings(path)
            expectEqual(found.map(\.level), expected.map(\.level), "\(folder): heading levels")
            for (f, e) in zip(found, expected) {
                expect(!f.text.isEmpty && e.text.hasPrefix(f.text), "\(folder): PDF heading \"\(f.text)\" is not \"\(e.text)\"")
            }
            expectEqual(pdf.elements("H1").count + pdf.elements("H2").count, found.filter { ["H1", "H2"].contains($0.level) }.count)

            // Every figure carries the alternative text the HTML gives its chart.
            let figures = pdf.elements("Figure")
            // (A chart with a phone layout is in the HTML twice, one shown: count it once.)
            let labels = html.components(separatedBy: "role=\"img\" aria-label=\"").dropFirst()
                .map { String($0.prefix { $0 != "\"" }) }
                .reduce(into: [String]()) { kept, label in if kept.last != label { kept.append(label) } }
            expect(!figures.isEmpty && figures.count == labels.count, "\(folder): \(figures.count) figures, \(labels.count) charts")
            for (figure, label) in zip(figures, labels) {
                let alt = try require(figure.alternativeText, "\(folder): a figure without alternative text")
                expect(!alt.isEmpty && unescaped(label) == alt)
            }
        }
        // The state briefing's tables: header cells that say they head columns, then data rows.
        let pdf = try PDFInspection(path: out + "/state-briefing/mississippi-2023/briefing.pdf")
        let tables = pdf.elements("Table")
        expect(!tables.isEmpty)
        let headers = pdf.elements("TH")
        expect(!headers.isEmpty && headers.allSatisfy { $0.scope == "Column" })
        expect(pdf.elements("TD").count > headers.count)
        // Lists have items with a label and a body.
        expect(pdf.elements("LBody").count == pdf.elements("Lbl").count && !pdf.elements("Lbl").isEmpty)
    }
}
