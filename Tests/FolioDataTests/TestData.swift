import TestSupport

/// Paths to the project's data folder for the tests.
enum TestData {
    static func path(_ name: String) -> String { Repository.data(name) }
}
