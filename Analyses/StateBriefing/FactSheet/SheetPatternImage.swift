import FolioData
/// A compiled `SheetPattern` packed into 64-bit words, so the template's patterns ship compiled
/// (`FactSheetTemplate+Precompiled.swift`) instead of being parsed at the start of every run.
///
/// Parsing the 25 template patterns, analysing and emitting them took about half a millisecond of
/// a cold run; unpacking an image takes a few microseconds. An image refers to unit sets by their
/// index in a table shared by all images. Layout:
/// - word 0: step count, child count, literal-set count and root step, 16 bits each;
/// - word 1: bit 0 starts at lines, bit 1 negative look-behind, bits 8–23 first-units set + 1
///   (0: none), bits 24–39 look-behind set + 1 (0: none), bits 40–55 number of required runs;
/// - one word per step: kind (bits 0–3), flag (4), has follow (5), `a` (6–21), `b` (22–37,
///   0xFFFF for an unbounded run), set (38–49), follow set (50–61);
/// - a stream of 16-bit numbers, four to a word: the literal sets, the children, then each
///   required run as its length and its sets.
/// Patterns whose numbers do not fit (none of the template's) have no image and are compiled.
enum SheetPatternImage {
    /// The image of `pattern`, adding the unit sets it uses to `table`; nil when it does not fit.
    static func encode(_ pattern: SheetPattern, sets table: inout [UnitSet]) -> [UInt64]? {
        func index(_ set: UnitSet) -> UInt64? {
            if let found = table.firstIndex(of: set) { return UInt64(found) }
            guard table.count < 0xFFF else { return nil }
            table.append(set)
            return UInt64(table.count - 1)
        }
        func fits16(_ value: Int) -> Bool { value >= 0 && value < 0xFFFF }
        let program = pattern.program
        guard fits16(program.steps.count), fits16(program.children.count), fits16(program.sets.count),
              fits16(Int(program.root)), fits16(pattern.requiredRuns.count) else { return nil }
        var words: [UInt64] = [UInt64(program.steps.count) | UInt64(program.children.count) << 16
                               | UInt64(program.sets.count) << 32 | UInt64(program.root) << 48]
        var flags: UInt64 = (pattern.startsAtLines ? 1 : 0) | (pattern.leadingLookbehind?.negative == true ? 2 : 0)
        if let first = pattern.firstUnits {
            guard let i = index(first) else { return nil }
            flags |= (i + 1) << 8
        }
        if let lookbehind = pattern.leadingLookbehind {
            guard let i = index(lookbehind.set) else { return nil }
            flags |= (i + 1) << 24
        }
        flags |= UInt64(pattern.requiredRuns.count) << 40
        words.append(flags)
        for step in program.steps {
            let unbounded = step.kind == .run && step.b < 0
            let b = unbounded ? 0xFFFF : Int(step.b)
            guard fits16(Int(step.a)), unbounded || fits16(b), let set = index(step.set), let follow = index(step.follow) else {
                return nil
            }
            words.append(UInt64(step.kind.rawValue) | (step.flag ? 1 << 4 : 0) | (step.hasFollow ? 1 << 5 : 0)
                         | UInt64(step.a) << 6 | UInt64(b) << 22 | set << 38 | follow << 50)
        }
        var stream: [UInt64] = []
        for set in program.sets {
            guard let i = index(set) else { return nil }
            stream.append(i)
        }
        stream += program.children.map { UInt64($0) }
        for run in pattern.requiredRuns {
            guard fits16(run.run.count) else { return nil }
            stream.append(UInt64(run.run.count))
            for set in run.run {
                guard let i = index(set) else { return nil }
                stream.append(i)
            }
        }
        for start in stride(from: 0, to: stream.count, by: 4) {
            var word: UInt64 = 0
            for (k, value) in stream[start..<min(start + 4, stream.count)].enumerated() { word |= value << (16 * UInt64(k)) }
            words.append(word)
        }
        return words
    }

    /// The pattern an image describes, or nil when the image is malformed for `table`.
    static func decode(_ words: [UInt64], sets table: [UnitSet], source: String, groupNames: [String?]) -> SheetPattern? {
        guard words.count >= 2 else { return nil }
        let stepCount = Int(words[0] & 0xFFFF), childCount = Int(words[0] >> 16 & 0xFFFF)
        let literalCount = Int(words[0] >> 32 & 0xFFFF), root = Int32(words[0] >> 48 & 0xFFFF)
        let flags = words[1]
        let runCount = Int(flags >> 40 & 0xFFFF)
        guard words.count >= 2 + stepCount else { return nil }
        func set(_ i: UInt64) -> UnitSet? { i < UInt64(table.count) ? table[Int(i)] : nil }

        var steps: [SheetProgram.Step] = []
        steps.reserveCapacity(stepCount)
        for word in words[2..<(2 + stepCount)] {
            guard let kind = SheetProgram.Kind(rawValue: UInt8(word & 0xF)),
                  let unitSet = set(word >> 38 & 0xFFF), let follow = set(word >> 50 & 0xFFF) else { return nil }
            let rawB = Int32(word >> 22 & 0xFFFF)
            steps.append(SheetProgram.Step(kind: kind, flag: word >> 4 & 1 == 1, hasFollow: word >> 5 & 1 == 1,
                                           a: Int32(word >> 6 & 0xFFFF), b: kind == .run && rawB == 0xFFFF ? -1 : rawB,
                                           set: unitSet, follow: follow))
        }
        // The 16-bit stream, read in place.
        let streamStart = 2 + stepCount, streamLength = 4 * (words.count - streamStart)
        var position = 0
        func next() -> Int? {
            guard position < streamLength else { return nil }
            defer { position += 1 }
            return Int(words[streamStart + position / 4] >> (16 * UInt64(position % 4)) & 0xFFFF)
        }
        var literalSets: [UnitSet] = []
        literalSets.reserveCapacity(literalCount)
        for _ in 0..<literalCount {
            guard let i = next(), let unitSet = set(UInt64(i)) else { return nil }
            literalSets.append(unitSet)
        }
        var children: [Int32] = []
        children.reserveCapacity(childCount)
        for _ in 0..<childCount {
            guard let child = next() else { return nil }
            children.append(Int32(child))
        }
        var runs: [UnitRunSearch] = []
        for _ in 0..<runCount {
            guard let length = next() else { return nil }
            var run: [UnitSet] = []
            run.reserveCapacity(length)
            for _ in 0..<length {
                guard let i = next(), let unitSet = set(UInt64(i)) else { return nil }
                run.append(unitSet)
            }
            runs.append(UnitRunSearch(run))
        }
        let firstIndex = flags >> 8 & 0xFFFF, lookbehindIndex = flags >> 24 & 0xFFFF
        var lookbehind: (set: UnitSet, negative: Bool)?
        if lookbehindIndex > 0 {
            guard let unitSet = set(lookbehindIndex - 1) else { return nil }
            lookbehind = (unitSet, flags & 2 != 0)
        }
        var firstUnits: UnitSet?
        if firstIndex > 0 {
            guard let unitSet = set(firstIndex - 1) else { return nil }
            firstUnits = unitSet
        }
        return SheetPattern(source: source, program: SheetProgram(steps: steps, sets: literalSets, children: children, root: root),
                            groupNames: groupNames, firstUnits: firstUnits, leadingLookbehind: lookbehind,
                            startsAtLines: flags & 1 != 0, requiredRuns: runs)
    }

    /// The Swift source of `FactSheetTemplate+Precompiled.swift` for the given expanded patterns
    /// (those that compile and fit), with the set table they share.
    static func swiftSource(for sources: [String]) -> String {
        var table: [UnitSet] = []
        var entries: [(source: String, groups: [String?], image: [UInt64])] = []
        for source in sources {
            guard let pattern = try? SheetPattern(source), let image = encode(pattern, sets: &table) else { continue }
            entries.append((source, pattern.groupNames, image))
        }
        func hex(_ word: UInt64) -> String { "0x" + String(word, radix: 16, uppercase: true) }
        func words(_ values: [UInt64], indent: String) -> String {
            var lines: [String] = [], line = indent
            for value in values.map(hex) {
                if line.count + value.count + 2 > 120, line != indent { lines.append(line); line = indent }
                line += (line == indent ? "" : " ") + value + ","
            }
            if line != indent { lines.append(line) }
            return lines.joined(separator: "\n")
        }
        func literal(_ text: String) -> String {
            var hashes = "#"
            while text.contains("\"" + hashes) { hashes += "#" }
            return hashes + "\"" + text + "\"" + hashes
        }
        var out = """
        import FolioData
        // Generated by SheetPatternImage.swiftSource(for:) from FactSheetTemplate's patterns; do not edit.
        // PrecompiledPatternTests fails when this file is stale; regenerate it with
        //     FOLIO_REGENERATE_PATTERNS=1 swift test --filter PrecompiledPatternTests

        extension FactSheetTemplate {
            /// The unit sets the images below refer to, as (low, high, extras) words.
            static let precompiledSetWords: [UInt64] = [

        """
        out += words(table.flatMap { [$0.low, $0.high, UInt64($0.extras)] }, indent: "        ") + "\n    ]\n\n"
        out += """
            /// The template's patterns compiled ahead of time (see `SheetPatternImage`): each expanded
            /// pattern, its capture groups and its image.
            static let precompiledPatterns: [(source: String, groups: [String?], image: [UInt64])] = [

        """
        for entry in entries {
            let groups = entry.groups.map { $0.map { "\"\($0)\"" } ?? "nil" }.joined(separator: ", ")
            out += "        (\n            \(literal(entry.source)),\n            [\(groups)],\n            [\n"
            out += words(entry.image, indent: "                ") + "\n            ]\n        ),\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
