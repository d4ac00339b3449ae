import Testing
import TestSupport

/// The plain-function assertions in `TestSupport` fail when they should: every other test relies
/// on them. (TestSupport is a library, not a test target; its tests live in the smallest one.)
@Suite struct ExpectationTests {
    struct Oops: Error, Equatable { var code = 1 }

    @Test func passingFormsRecordNothing() throws {
        expect(1 < 2)
        expectEqual([1, 2], [1, 2])
        expectEqual(Optional(3), 3)
        expectEqual(try require(Optional("x")), "x")
        try require(true)
        expect(throws: Oops.self) { throw Oops() }
        expect(throws: Oops(code: 2)) { throw Oops(code: 2) }
        expectEqual(expect(throws: Oops.self) { throw Oops(code: 7) }?.code, 7)
        expect(performing: { throw Oops() }, throws: { $0 is Oops })
    }

    @Test func eachFailingFormRecordsAnIssue() {
        withKnownIssue { expect(1 > 2) }
        withKnownIssue { expect(try { () throws -> Bool in throw Oops() }()) }
        withKnownIssue { expectEqual("a", "b") }
        withKnownIssue { _ = try require(Optional<Int>.none) }
        withKnownIssue { try require(false) }
        withKnownIssue { expect(throws: Oops.self) {} }
        withKnownIssue { expect(throws: Oops.self) { throw CancellationError() } }
        withKnownIssue { expect(throws: Oops(code: 2)) { throw Oops(code: 3) } }
        withKnownIssue { expect(performing: { throw Oops() }, throws: { _ in false }) }
        withKnownIssue { expect(performing: {}, throws: { _ in true }) }
    }

    @Test func aFailedRequirementStopsTheTest() {
        var reached = false
        withKnownIssue {
            _ = try require(Optional<Int>.none)
            reached = true
        }
        expect(!reached)
    }
}
