import FolioData

/// A reference table read from a CSV file for one data year (population estimates, CyberTipline
/// reports by state): each table says how to read a parsed document, and gets loading from a
/// file and parsing from text from here.
public protocol YearlyCSVTable {
    /// Checks and reads a CSV document already parsed (the fuzz target parses once for every table).
    static func parse(document: CSVDocument, file: String, year: Int) throws -> Self
}

extension YearlyCSVTable {
    /// Loads and checks the table at `path`, naming it `displayPath` in errors and sources.
    public static func load(path: String, displayPath: String, year: Int = 2023) throws -> Self {
        try parse(text: InputText.read(path: path, displayPath: displayPath), file: displayPath, year: year)
    }

    /// Parses and checks the table from text; `year` is the data year (a population vintage's July 1).
    public static func parse(text: String, file: String, year: Int = 2023) throws -> Self {
        try parse(document: try CSVDocument.parse(text: text, file: file), file: file, year: year)
    }

    /// Checks and reads a parsed document for 2023.
    public static func parse(document: CSVDocument, file: String) throws -> Self {
        try parse(document: document, file: file, year: 2023)
    }
}
