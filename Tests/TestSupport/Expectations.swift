import Testing

// Plain-function stand-ins for Swift Testing's `#expect` and `#require` macros.
//
// Why: CI builds the tests from scratch every run, and the macros are the dearest code in them.
// Measured with `swiftc -c -Onone -g` on 100 tests of three assertions each (Swift 6.3, this
// machine): `#expect` 22 ms of compile time per use, these functions 5 ms; the suite's ~1,070
// assertions built ~18 CPU-seconds faster. Defaults are `#fileID`/`#line` literals rather than
// `#_sourceLocation`, itself a macro expanded at each call (10 ms per use). What the macros give
// that these do not: the failure message shows only what `expectEqual` prints (both values) and
// the comment, not a breakdown of every subexpression. An `expect` issue points at its line; a
// failed `require` throws, and the error Swift Testing reports names the file and line.

/// Records an issue when `condition` is false or throws; like `#expect(condition)`.
public func expect(
    _ condition: @autoclosure () throws -> Bool, _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
) {
    let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    do {
        if try !condition() { Issue.record(comment() ?? "Expectation failed", sourceLocation: location) }
    } catch {
        Issue.record(error, comment(), sourceLocation: location)
    }
}

/// Records an issue showing both values when `actual` and `expected` differ; like `#expect(a == b)`.
public func expectEqual<Value: Equatable>(
    _ actual: @autoclosure () throws -> Value, _ expected: @autoclosure () throws -> Value,
    _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
) {
    let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    do {
        let (a, b) = (try actual(), try expected())
        guard a != b else { return }
        let shown = "Expected equal values: \(String(reflecting: a)) != \(String(reflecting: b))"
        Issue.record(Comment(rawValue: comment().map { "\(shown): \($0.rawValue)" } ?? shown), sourceLocation: location)
    } catch {
        Issue.record(error, comment(), sourceLocation: location)
    }
}

/// What `require` throws when the test cannot go on: the test's one issue, naming the line.
public struct RequirementFailure: Error, CustomStringConvertible {
    public let description: String

    init(_ what: String, _ comment: Comment?, fileID: String, line: Int) {
        description = "\(fileID):\(line): \(what)" + (comment.map { ": \($0.rawValue)" } ?? "")
    }
}

/// Returns the value, or throws when it is `nil`; like `try #require(value)`.
public func require<Value>(
    _ value: @autoclosure () throws -> Value?, _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, line: Int = #line
) throws -> Value {
    guard let unwrapped = try value() else {
        throw RequirementFailure("required value was nil", comment(), fileID: fileID, line: line)
    }
    return unwrapped
}

/// Throws when `condition` is false; like `try #require(condition)`.
public func require(
    _ condition: @autoclosure () throws -> Bool, _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, line: Int = #line
) throws {
    guard try condition() else {
        throw RequirementFailure("requirement failed", comment(), fileID: fileID, line: line)
    }
}

/// Returns the error `body` throws, or throws when it throws none or another type; like
/// `try #require(throws: E.self) { … }`.
@discardableResult
public func require<Failure: Error, Result>(
    throws type: Failure.Type, _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, line: Int = #line,
    _ body: () throws -> Result
) throws -> Failure {
    do {
        _ = try body()
    } catch let error as Failure {
        return error
    } catch {
        throw RequirementFailure("expected an error of type \(Failure.self), got \(error)", comment(), fileID: fileID, line: line)
    }
    throw RequirementFailure("expected an error of type \(Failure.self), none was thrown", comment(), fileID: fileID, line: line)
}

/// Returns the error `body` throws, or records an issue and returns `nil` when it throws none
/// or another type; like `#expect(throws: E.self) { … }`.
@discardableResult
public func expect<Failure: Error, Result>(
    throws type: Failure.Type, _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column,
    _ body: () throws -> Result
) -> Failure? {
    do {
        return try require(throws: type, comment(), fileID: fileID, line: line, body)
    } catch {
        Issue.record(error, sourceLocation: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        return nil
    }
}

/// Records an issue unless `body` throws exactly `error`; like `#expect(throws: error) { … }`.
public func expect<Failure: Error & Equatable, Result>(
    throws error: Failure, _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column,
    _ body: () throws -> Result
) {
    guard let thrown = expect(throws: Failure.self, comment(), fileID: fileID, filePath: filePath,
                              line: line, column: column, body) else { return }
    expectEqual(thrown, error, comment(), fileID: fileID, filePath: filePath, line: line, column: column)
}

/// Records an issue unless `body` throws an error that `matches` accepts; like
/// `#expect { … } throws: { error in … }`.
public func expect<Result>(
    _ comment: @autoclosure () -> Comment? = nil,
    fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column,
    performing body: () throws -> Result, throws matches: (any Error) throws -> Bool
) {
    let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    do {
        _ = try body()
    } catch {
        do {
            if try !matches(error) { Issue.record(error, comment() ?? "The error thrown was not the one expected", sourceLocation: location) }
        } catch let matcherError {
            Issue.record(matcherError, comment(), sourceLocation: location)
        }
        return
    }
    Issue.record(comment() ?? "Expected an error, none was thrown", sourceLocation: location)
}
