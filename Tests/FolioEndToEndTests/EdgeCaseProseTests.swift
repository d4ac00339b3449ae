import Foundation
import Testing
import TestSupport
import EndToEndSupport
import StateBriefingKit
import FolioRunner

/// Every sheet reads right: the 51 synthetic sheets and sheets written to hit the edge cases the
/// synthetic ones never do (a sentence absent, counts of zero, counts of one, a state missing
/// from the by-state table, no missing-child cases at all), assembled as the state briefing and
/// the one-pager, and the printed prose of each checked for the phrases a hand-written sentence
/// gets wrong.
@Suite(.serialized) struct EdgeCaseProseTests {
    /// Phrases no briefing may print in its prose, with why.
    static let awkward: [(pattern: NSRegularExpression, why: String)] = ([
        (#"not reported|not defined"#, "a missing figure printed where a number belongs"),
        (#"(^|[^\d.,])0 [a-z]"#, "a zero count before its noun (\"0 engagements\")"),
        (#"(^|[^\d.,])1 (new )?(cases|engagements|submissions|survivors|users|reports|children|connections)\b"#,
         "one of a plural noun (\"1 cases\")"),
        (#"\b(are|is) 0\.0 per"#, "a zero count that \"is 0.0 per 100,000\""),
        (#"\b0\.00 connections"#, "a ratio of nothing"),
    ] as [(String, String)]).map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// The narrative text of a written briefing: everything before the generated methods section,
    /// without table rows (tables print "not reported" in cells, as tables should).
    static func prose(_ markdown: String) -> [String] {
        let body = markdown.components(separatedBy: "\n## Methods and sources").first ?? markdown
        return body.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("|") && !$0.isEmpty }
    }

    /// The problems in one briefing's prose, as "line: why".
    static func problems(in markdown: String) -> [String] {
        prose(markdown).flatMap { line in
            // Compiled once: `range(of:options: .regularExpression)` compiles its pattern on every call.
            awkward.compactMap { a in
                a.pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil ? "\(a.why): \(line)" : nil
            }
        }
    }

    /// `text` with the first match of `pattern` replaced; the pattern must be there.
    static func replacing(_ pattern: String, with replacement: String, in text: String) throws -> String {
        let range = try require(text.range(of: pattern, options: .regularExpression), "the sheet no longer matches \(pattern)")
        return text.replacingCharacters(in: range, with: replacement)
    }

    /// The edge-case sheets, each made from one state's synthetic sheet so their folders differ.
    static func edgeSheets(from sheets: String) throws -> [(state: String, text: String)] {
        func read(_ slug: String) throws -> String { try String(contentsOfFile: sheets + "/" + slug + ".txt", encoding: .utf8) }
        // Alaska: the trafficking sentence is absent, so that count is not reported.
        var absent = try read("alaska")
        absent = try replacing(#" \*\*In 2023, NCMEC had [\d,]+ engagements with Alaska social service agencies on cases involving child sex trafficking\.\*\*"#,
                               with: "", in: absent)
        // Vermont: no CVIP submissions, engagements or mental-health connections.
        var zero = try read("vermont")
        for (pattern, words) in [(#"NCMEC reviewed [\d,]+ submissions"#, "NCMEC reviewed 0 submissions"),
                                 (#"NCMEC had [\d,]+ engagements"#, "NCMEC had 0 engagements"),
                                 (#"NCMEC connected [\d,]+ survivors/families"#, "NCMEC connected 0 survivors/families")] {
            zero = try replacing(pattern, with: words, in: zero)
        }
        // Wyoming: one of each small count.
        var one = try read("wyoming")
        for (pattern, words) in [(#"NCMEC reviewed [\d,]+ submissions"#, "NCMEC reviewed 1 submissions"),
                                 (#"NCMEC had [\d,]+ engagements"#, "NCMEC had 1 engagements"),
                                 (#"NCMEC connected [\d,]+ survivors/families"#, "NCMEC connected 1 survivors/families"),
                                 (#"including [\d,]+ survivors/families in"#, "including 1 survivors/families in"),
                                 (#"including \*\*[\d,]+ new law enforcement"#, "including **1 new law enforcement")] {
            one = try replacing(pattern, with: words, in: one)
        }
        // Delaware: every part of the missing-children table zero.
        var none = try read("delaware")
        for (pattern, words) in [(#"handled [\d,]+ cases of missing children"#, "handled 0 cases of missing children"),
                                 (#"Social Services Facility\t[\d,]+"#, "Social Services Facility\t0"),
                                 (#"Other Missing Children Cases\t[\d,]+"#, "Other Missing Children Cases\t0"),
                                 (#"\(HHS-ORR\) :\t[\d,]+"#, "(HHS-ORR) :\t0")] {
            none = try replacing(pattern, with: words, in: none)
        }
        return [("alaska", absent), ("vermont", zero), ("wyoming", one), ("delaware", none)]
    }

    @Test func everySyntheticAndEdgeCaseSheetReadsRight() throws {
        let project = try TestProject()
        defer { project.remove() }
        let shared = try SyntheticRuns.shared()
        expectEqual(shared.sheets.count, 51)
        // The District of Columbia (no by-state row) is among the synthetic sheets.
        expect(shared.sheets.contains { $0.hasSuffix("/district-of-columbia.txt") })
        let edge = try Self.edgeSheets(from: shared.project.root + "/sheets")
        try FileManager.default.createDirectory(atPath: project.root + "/sheets", withIntermediateDirectories: true)
        for sheet in edge { try project.write("sheets/" + sheet.state + ".txt", sheet.text) }
        // Both analyses that read a fact sheet, every sheet, in this process: the Markdown `folio
        // run` would write (and the one-pager's page count), without drawing charts or encoding
        // files (a batch of real runs is BatchEndToEndTests' and ShardEndToEndTests' job). The two
        // sessions share their computed runs, as one `folio run` does, and with the other
        // every-sheet tests. The edge cases come last: each stands in for its state's synthetic sheet below.
        let briefingSession = try FolioSession(analysis: "state-briefing", output: nil, computed: shared.computed, from: project.root)
        let onePagerSession = try FolioSession(analysis: "one-pager", output: nil, computed: shared.computed, from: project.root)
        var briefings: [String: String] = [:]
        for sheet in shared.sheets + edge.map({ project.root + "/sheets/" + $0.state + ".txt" }) {
            let slug = ((sheet as NSString).lastPathComponent as NSString).deletingPathExtension
            let briefing = try briefingSession.markdown(dataFile: sheet)
            let onePager = try onePagerSession.proof(dataFile: sheet)
            for (analysis, markdown) in [("state-briefing", briefing), ("one-pager", onePager.markdown)] {
                let problems = Self.problems(in: markdown)
                expect(problems.isEmpty, "\(analysis)/\(slug): \(problems.joined(separator: "\n"))")
            }
            // The one-pager holds its `pages: 1` on Letter for every sheet, edge cases too (A4: OnePagerFitTests).
            expectEqual(onePager.pdfPages, 1, "\(slug): \(onePager.pdfPages) pages")
            briefings[slug] = briefing
        }
        // Each edge case reads the way its condition says it should.
        func briefing(_ slug: String) throws -> String { try require(briefings[slug], "no briefing for \(slug)") }
        let expectations: [(slug: String, phrases: [String])] = [
            ("alaska", ["engagements with social-service agencies on child sex trafficking cases are not on this fact sheet, so have no rate"]),
            ("vermont", ["; no submissions)", "; no engagements)", "NCMEC connected no survivors and families to mental-health services."]),
            ("wyoming", ["; 1 submission)", "; 1 engagement)", "Team HOPE supported 1 survivor or family in Wyoming",
                         "connected 1 survivor or family to mental-health services", "gained 1 new user in the state"]),
            ("delaware", ["handled **no missing-child cases** from Delaware", "NCMEC handled no missing-child cases from Delaware in 2023"]),
            ("district-of-columbia", ["it has no row for the District of Columbia", "the District of Columbia has no rate and no rank among the 50 states"]),
        ]
        for e in expectations {
            let text = try briefing(e.slug)
            for phrase in e.phrases { expect(text.contains(phrase), "\(e.slug) should say: \(phrase)") }
        }
        // The methods section says which text each condition chose, and why.
        let dc = try briefing("district-of-columbia")
        // Mid-sentence the District takes its article; the fact sheet's title keeps the bare name.
        expect(dc.hasPrefix("# Missing and exploited children in the District of Columbia, 2023"))
        for bare in [" in District of Columbia", " from District of Columbia", " for District of Columbia"] {
            expect(!Self.prose(dc).joined().contains(bare), "\(bare)")
        }
        expect(dc.contains("NCMEC, *District of Columbia Data*"))
        expect(dc.contains("### Text chosen by conditions"))
        expect(dc.contains("`byState.reports is reported` (briefing.md:"))
        expect(dc.contains("is false: byState.reports is not reported; the \"otherwise\" text is used."))
        // Delaware's key figures leave out the shares it has none of.
        let delaware = try briefing("delaware")
        expect(!delaware.contains("of them missing from social-services care"))
        expect(delaware.contains("**0** missing-child cases from Delaware"))
    }

    @Test func theCheckCatchesThePhrasesItLooksFor() {
        // The checker itself must fail on the sentences the issue quoted.
        for bad in ["… and gives District of Columbia not reported (see Figure 3).",
                    "the 0 engagements with social-service agencies are 0.0 per 100,000 children",
                    "Team HOPE supported 1 survivors and families in Wyoming",
                    "the share from care, not defined, has"] {
            expect(!Self.problems(in: bad).isEmpty, "\(bad)")
        }
        expect(Self.problems(in: "Missing-child cases come to 15.2 per 100,000 children (12.4 to 18.4; 103 cases); 1 engagement.").isEmpty)
        // Table rows and the methods section are not prose.
        expect(Self.problems(in: "| Engagements | not reported |\n\n## Methods and sources\n\n- x = not reported").isEmpty)
    }
}
