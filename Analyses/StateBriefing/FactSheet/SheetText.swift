import FolioData
import Foundation

/// A fact sheet's text arranged for matching, with the source position of every character.
///
/// `**` bold markers are removed. Lines are grouped into paragraphs (separated by blank lines) and
/// joined with spaces; a paragraph that ends mid-sentence (no `.`, `!`, `?` or `:`) and is followed by
/// one starting in lower case is joined to it, which mends the sentence the PDF extraction broke
/// across a blank line. Positions are kept per UTF-16 unit so `NSRegularExpression` ranges map back.
struct SheetText {
    /// A 1-based line and column (columns count characters; a tab is one column).
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// One source line without `**`, and the position of each of its UTF-16 units.
    struct Line: Equatable {
        var number: Int
        var text: String
        var positions: [Position]
    }

    /// Joined text of consecutive lines, and the position of each UTF-16 unit.
    struct Paragraph: Equatable {
        var text: String
        var positions: [Position]
        /// `text`'s UTF-16 units.
        var units: [UInt16]
    }

    let lines: [Line]
    let paragraphs: [Paragraph]
    /// Whether the text is empty or all white space.
    let isBlank: Bool

    /// Arranges `text` character by character.
    init(_ text: String) {
        let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var lines: [Line] = []
        for (index, raw) in rawLines.enumerated() {
            let characters = Array(raw)
            var kept = ""
            var positions: [Position] = []
            var i = 0
            while i < characters.count {
                if characters[i] == "*", i + 1 < characters.count, characters[i + 1] == "*" {
                    i += 2
                    continue
                }
                kept.append(characters[i])
                positions += Array(repeating: Position(line: index + 1, column: i + 1), count: characters[i].utf16.count)
                i += 1
            }
            lines.append(Line(number: index + 1, text: kept, positions: positions))
        }

        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        for line in lines {
            if line.text.allSatisfy(\.isWhitespace) {
                if let finished = current { paragraphs.append(finished) }
                current = nil
                continue
            }
            if var paragraph = current {
                paragraph.text += " " + line.text
                paragraph.positions.append(paragraph.positions.last ?? Position(line: line.number, column: 1))
                paragraph.positions += line.positions
                current = paragraph
            } else {
                current = Paragraph(text: line.text, positions: line.positions, units: [])
            }
        }
        if let finished = current { paragraphs.append(finished) }
        paragraphs = Self.mendingBrokenSentences(paragraphs)
        for i in paragraphs.indices { paragraphs[i].units = Array(paragraphs[i].text.utf16) }
        self.lines = lines
        self.paragraphs = paragraphs
        isBlank = text.allSatisfy(\.isWhitespace)
    }

    /// Joins a paragraph that stops mid-sentence to the next when that one starts in lower case.
    private static func mendingBrokenSentences(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var mended: [Paragraph] = []
        for paragraph in paragraphs {
            let trimmed = paragraph.text.trimmingCharacters(in: .whitespaces)
            if var previous = mended.last,
               let last = previous.text.trimmingCharacters(in: .whitespaces).last, !".!?:".contains(last),
               let first = trimmed.first, first.isLowercase {
                previous.text += " " + paragraph.text
                previous.positions.append(previous.positions.last ?? Position(line: 1, column: 1))
                previous.positions += paragraph.positions
                mended[mended.count - 1] = previous
            } else {
                mended.append(paragraph)
            }
        }
        return mended
    }
}

extension SheetText.Paragraph {
    /// The substring at an `NSRange`, or "" when out of range.
    func string(_ range: NSRange) -> String {
        guard range.location != NSNotFound, let r = Range(range, in: text) else { return "" }
        return String(text[r])
    }

    /// The position of the UTF-16 unit at `offset` (clamped).
    func position(_ offset: Int) -> SheetText.Position {
        guard !positions.isEmpty else { return SheetText.Position(line: 1, column: 1) }
        return positions[min(max(offset, 0), positions.count - 1)]
    }

    /// The UTF-16 range of the sentence around `range`: from after the previous `.`/`!`/`?` + space
    /// to the next one (inclusive), so "36.2" does not split a sentence.
    func sentenceRange(around range: NSRange) -> NSRange {
        func isEnd(_ i: Int) -> Bool {
            guard i >= 0, i < units.count, [46, 33, 63].contains(units[i]) else { return false } // . ! ?
            return i + 1 >= units.count || [32, 9, 10].contains(units[i + 1])
        }
        var start = min(range.location, units.count)
        while start > 0, !isEnd(start - 1) { start -= 1 }
        var end = min(range.location + range.length, units.count)
        while end < units.count, !isEnd(end - 1) { end += 1 }
        return NSRange(location: start, length: max(0, end - start))
    }
}
