import FolioData
import Foundation

/// Writes SYNTHETIC fact sheets for benchmarks: one per row of the population table (50 states +
/// DC), made from the Mississippi sheet with the state's name substituted and each state figure
/// scaled by the state's population relative to Mississippi's, times a small deterministic
/// per-state factor (0.8…1.2, from a hash of the state code). The first line says SYNTHETIC; the
/// parser ignores it (it is not part of any template sentence). Programme-wide figures are kept.
/// Never write these into `Analyses/`.
public enum SyntheticSheets {
    public static let template = "Analyses/Data/ncmec-2023-mississippi.txt"
    public static let population = "Analyses/Data/population-2023.csv"
    public static let banner = "SYNTHETIC fact sheet, generated from the Mississippi sheet for benchmarks: the figures are NOT NCMEC's."

    /// The state figures of the template: (text around the number with `#` for it, Mississippi's value).
    static let figures: [(pattern: String, value: Int)] = [
        ("**In 2023, # CyberTipline reports were made available", 4546),
        ("NCMEC reviewed # submissions", 29),
        ("NCMEC had # engagements", 13),
        ("including # survivors/families in", 20),
        ("NCMEC connected # survivors/families", 12),
        ("including **# new law enforcement", 161),
    ]
    /// The missing-children total and its three rows (which must add up).
    static let total = ("NCMEC handled # cases of missing children", 103)
    static let rows: [(pattern: String, value: Int)] = [
        ("Children Missing From Social Services Facility\t#\n", 72),
        ("Other Missing Children Cases\t#\n", 18),
        ("(HHS-ORR) :\t#\n", 13),
    ]

    /// Writes one `<slug>.txt` per state into `directory` (created); returns the paths, sorted.
    public static func write(into directory: String, projectRoot: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: projectRoot + "/" + template),
              let text = String(data: data, encoding: .utf8) else {
            throw SyntheticSheetError("\(template): error: cannot read the template sheet")
        }
        let table: PopulationTable
        do {
            table = try PopulationTable.load(path: projectRoot + "/" + population, displayPath: population)
        } catch let error as DataError {
            throw SyntheticSheetError(error.description)
        }
        guard let base = table.row(code: "MS")?.total.value, base > 0 else {
            throw SyntheticSheetError("\(population): error: no Mississippi row to scale from")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for row in table.rows where row.code != "US" {
            guard let people = row.total.value else { continue }
            let sheet = try make(from: text, name: row.name, code: row.code, scale: people / base)
            let path = directory + "/" + slug(row.name) + ".txt"
            guard FileManager.default.createFile(atPath: path, contents: Data(sheet.utf8)) else {
                throw SyntheticSheetError("cannot write \(path)")
            }
            paths.append(path)
        }
        return paths.sorted()
    }

    /// One synthetic sheet's text.
    static func make(from text: String, name: String, code: String, scale: Double) throws -> String {
        var out = text
        var seed = fnv(code)
        func scaled(_ v: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let jitter = 0.8 + 0.4 * Double(seed >> 11) / Double(1 << 53)
            return max(1, Int((Double(v) * scale * jitter).rounded()))
        }
        func replace(_ pattern: String, _ from: Int, _ to: Int) throws {
            let old = pattern.replacingOccurrences(of: "#", with: grouped(from))
            let new = pattern.replacingOccurrences(of: "#", with: grouped(to))
            guard let found = out.range(of: old), out.range(of: old, range: found.upperBound..<out.endIndex) == nil else {
                throw SyntheticSheetError("\(template): error: expected exactly one \"\(old)\" in the template")
            }
            out.replaceSubrange(found, with: new)
        }
        for f in figures { try replace(f.pattern, f.value, scaled(f.value)) }
        let parts = rows.map { scaled($0.value) }
        for (r, v) in zip(rows, parts) { try replace(r.pattern, r.value, v) }
        try replace(total.0, total.1, parts.reduce(0, +))
        out = out.replacingOccurrences(of: "Mississippi", with: name)
        return banner + "\n" + out
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    static func slug(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return out
    }

    static func fnv(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}

/// Why synthetic sheets could not be written.
public struct SyntheticSheetError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
