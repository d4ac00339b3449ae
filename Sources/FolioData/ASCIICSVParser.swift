import SwiftCSV

/// SwiftCSV's comma-separated parser, step for step, over the bytes of ASCII text.
///
/// SwiftCSV (0.10) walks `Character`s through a small state machine (`ParsingState`) and
/// `CSV(string:)` runs it over the whole text two or three times. On ASCII text a character is
/// a byte, except a CR LF pair, which is one character that is both a newline and white space;
/// SwiftCSV's newlines are LF, CR and CR LF (its own `Character.isNewline`), its white space the
/// standard library's. This port follows that, so it yields the rows `enumerateAsArray(startAt: 0)`
/// yields and throws the error (and message) SwiftCSV throws first; `CSVDocumentTests` holds the
/// two to that on generated files.
struct ASCIICSVParser {
    private let bytes: [UInt8]

    /// The text's bytes; every one must be below 0x80.
    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Every row, each as the list of its fields.
    func rows() throws -> [[String]] {
        var rows: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        // ParsingState's flags.
        var atStart = true, parsingField = false, parsingQuotes = false, innerQuotes = false

        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func finishRow() {
            finishField()
            rows.append(fields)
            fields = []
        }

        var i = 0
        while i < bytes.count {
            // One character: a byte, or CR LF together.
            let byte = bytes[i]
            let width = byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            let isQuote = byte == 0x22, isDelimiter = byte == 0x2C
            // SwiftCSV's own Character.isNewline: LF, CR or CR LF only (not VT or FF).
            let isNewline = byte == 0x0A || byte == 0x0D
            // The standard library's isWhitespace: tab through CR, and space.
            let isWhitespace = (0x09...0x0D).contains(byte) || byte == 0x20
            func appendCharacter() {
                field.append(byte)
                if width == 2 { field.append(0x0A) }
            }
            func unexpected() -> CSVParseError {
                CSVParseError.quotation(message: "Can't have non-quote here: \(String(decoding: bytes[i..<(i + width)], as: UTF8.self))")
            }

            if atStart {
                if isQuote {
                    atStart = false
                    parsingQuotes = true
                } else if isDelimiter {
                    finishField()
                } else if isNewline {
                    finishRow()
                } else if isWhitespace {
                    // White space between fields is ignored.
                } else {
                    parsingField = true
                    atStart = false
                    appendCharacter()
                }
            } else if parsingField {
                if innerQuotes {
                    guard isQuote else { throw unexpected() }
                    appendCharacter()
                    innerQuotes = false
                } else if isQuote {
                    innerQuotes = true
                } else if isDelimiter {
                    atStart = true; parsingField = false; innerQuotes = false
                    finishField()
                } else if isNewline {
                    atStart = true; parsingField = false; innerQuotes = false
                    finishRow()
                } else {
                    appendCharacter()
                }
            } else if parsingQuotes {
                if innerQuotes {
                    if isQuote {
                        appendCharacter()
                        innerQuotes = false
                    } else if isDelimiter {
                        atStart = true; parsingField = false; innerQuotes = false
                        finishField()
                    } else if isNewline {
                        atStart = true; parsingQuotes = false; innerQuotes = false
                        finishRow()
                    } else if isWhitespace {
                        // White space after a closing quote is ignored.
                    } else {
                        throw unexpected()
                    }
                } else if isQuote {
                    innerQuotes = true
                } else {
                    appendCharacter()
                }
            } else {
                throw CSVParseError.generic(message: "me_irl")
            }
            i += width
        }
        // The remainder, as SwiftCSV keeps it: a last empty field is dropped.
        if !field.isEmpty { fields.append(String(decoding: field, as: UTF8.self)) }
        if !fields.isEmpty { rows.append(fields) }
        return rows
    }
}
