import FolioData
extension SheetText {
    /// Arranges plain text (see `PlainText`) unit by unit; the same result as `init(general:)`.
    ///
    /// On plain text every unit is a character except a CR LF pair, which only ever separates
    /// lines, so a unit's column is its offset in the line plus one, and the character tests the
    /// general path makes (`isNewline`, `isWhitespace`, `CharacterSet.whitespaces`, `isLowercase`)
    /// become `PlainText`'s unit tests.
    init(plainUnits units: [UInt16]) {
        var lines: [Line] = []
        var lineStart = 0
        var i = 0
        while true {
            if i == units.count {
                lines.append(Self.plainLine(number: lines.count + 1, units[lineStart..<i]))
                break
            }
            let unit = units[i]
            guard PlainText.isNewline(unit) else { i += 1; continue }
            lines.append(Self.plainLine(number: lines.count + 1, units[lineStart..<i]))
            i += unit == 0x0D && i + 1 < units.count && units[i + 1] == 0x0A ? 2 : 1
            lineStart = i
        }

        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        for line in lines {
            if line.units.allSatisfy(PlainText.isSpace) {
                if let finished = current { paragraphs.append(finished) }
                current = nil
                continue
            }
            if var paragraph = current {
                paragraph.units.append(0x20)
                paragraph.units += line.units
                paragraph.positions.append(paragraph.positions.last ?? Position(line: line.number, column: 1))
                paragraph.positions += line.positions
                current = paragraph
            } else {
                current = Paragraph(text: "", positions: line.positions, units: line.units)
            }
        }
        if let finished = current { paragraphs.append(finished) }
        paragraphs = Self.mendingBrokenPlainSentences(paragraphs)
        for index in paragraphs.indices {
            paragraphs[index].text = PlainText.string(paragraphs[index].units)
        }
        self.init(lines: lines, paragraphs: paragraphs, isPlain: true, isBlank: units.allSatisfy(PlainText.isSpace))
    }

    /// One line without its `**` markers; columns count from the line's first unit.
    private static func plainLine(number: Int, _ raw: ArraySlice<UInt16>) -> Line {
        var kept: [UInt16] = []
        var positions: [Position] = []
        kept.reserveCapacity(raw.count)
        positions.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            if raw[i] == 0x2A, i + 1 < raw.endIndex, raw[i + 1] == 0x2A { // **
                i += 2
                continue
            }
            kept.append(raw[i])
            positions.append(Position(line: number, column: i - raw.startIndex + 1))
            i += 1
        }
        return Line(number: number, text: PlainText.string(kept), positions: positions, units: kept)
    }

    /// `mendingBrokenSentences` on units: a paragraph whose last non-blank unit is not `.`, `!`,
    /// `?` or `:` takes in the next one when that one's first non-blank unit is a lower-case letter.
    private static func mendingBrokenPlainSentences(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var mended: [Paragraph] = []
        for paragraph in paragraphs {
            if var previous = mended.last,
               let last = previous.units.last(where: { !PlainText.isHorizontalSpace($0) }),
               !Self.endsSentence(last),
               let first = paragraph.units.first(where: { !PlainText.isHorizontalSpace($0) }), PlainText.isLowercase(first) {
                previous.units.append(0x20)
                previous.units += paragraph.units
                previous.positions.append(previous.positions.last ?? Position(line: 1, column: 1))
                previous.positions += paragraph.positions
                mended[mended.count - 1] = previous
            } else {
                mended.append(paragraph)
            }
        }
        return mended
    }

    /// `.`, `!`, `?` or `:` (a switch: a `Set` would cost its metadata in every cold run).
    private static func endsSentence(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2E, 0x21, 0x3F, 0x3A: return true
        default: return false
        }
    }
}
