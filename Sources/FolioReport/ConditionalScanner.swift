/// Finds the body's conditionals: pairs block markers across lines (outside code) and inline
/// markers within each line, diagnosing unclosed, stray and repeated markers.
struct ConditionalScanner {
    let lines: LineIndex
    let firstLine: Int

    func scan(controls: [InlineControl], code: [Range<String.Index>], bodyStart: String.Index,
              sink: inout DiagnosticSink) -> [NarrativeConditional] {
        var found = blocks(code: code, sink: &sink)
        var byLine: [Int: [InlineControl]] = [:]
        for control in controls {
            guard control.range.lowerBound >= bodyStart else {
                sink.error("`{{ when }}` chooses text in the body; to show a key figure only sometimes, give it a `when:` line",
                           at: control.position, length: lines.text.distance(from: control.range.lowerBound, to: control.range.upperBound))
                continue
            }
            byLine[control.position.line, default: []].append(control)
        }
        for line in byLine.keys.sorted() { found += inline(byLine[line] ?? [], sink: &sink) }
        return found.sorted { $0.opening.lowerBound < $1.opening.lowerBound }
    }

    private struct Open {
        var marker: Range<String.Index>
        var position: SourcePosition
        var condition: String
        var conditionStart: SourcePosition
        var otherwise: Range<String.Index>?
    }

    private func inline(_ controls: [InlineControl], sink: inout DiagnosticSink) -> [NarrativeConditional] {
        var stack: [Open] = []
        var found: [NarrativeConditional] = []
        let text = lines.text
        func length(_ c: InlineControl) -> Int { text.distance(from: c.range.lowerBound, to: c.range.upperBound) }
        for control in controls {
            switch control.kind {
            case .when(let condition, let start):
                stack.append(Open(marker: control.range, position: control.position, condition: condition, conditionStart: start))
            case .otherwise:
                guard !stack.isEmpty else {
                    sink.error("`{{ otherwise }}` without a `{{ when … }}` before it on this line", at: control.position, length: length(control))
                    continue
                }
                guard stack[stack.count - 1].otherwise == nil else {
                    sink.error("a second `{{ otherwise }}` for the same `{{ when … }}`", at: control.position, length: length(control))
                    continue
                }
                stack[stack.count - 1].otherwise = control.range
            case .end:
                guard let open = stack.popLast() else {
                    sink.error("`{{ end }}` without a `{{ when … }}` before it on this line", at: control.position, length: length(control))
                    continue
                }
                found.append(NarrativeConditional(form: .inline, conditionText: open.condition, conditionStart: open.conditionStart,
                                                  position: open.position, opening: open.marker, otherwise: open.otherwise,
                                                  closing: control.range))
            }
        }
        for open in stack {
            sink.error("unclosed `{{ when … }}`: expected `{{ end }}` later on the same line (use `::: when` for whole paragraphs)",
                       at: open.position, length: text.distance(from: open.marker.lowerBound, to: open.marker.upperBound))
        }
        return found
    }

    private func blocks(code: [Range<String.Index>], sink: inout DiagnosticSink) -> [NarrativeConditional] {
        let text = lines.text
        let starts = lines.lineStarts
        var stack: [Open] = []
        var found: [NarrativeConditional] = []
        guard firstLine <= starts.count else { return [] }
        for n in firstLine...starts.count {
            let start = starts[n - 1]
            if code.contains(where: { $0.contains(start) }) { continue }
            let end = n < starts.count ? starts[n] : text.endIndex
            let line = text[start..<end]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let colons = line[indent.endIndex...].prefix { $0 == ":" }
            guard colons.count >= 3 else { continue }
            var rest = line[colons.endIndex...]
            while rest.first?.isWhitespace == true { rest = rest.dropFirst() }
            while rest.last?.isWhitespace == true { rest = rest.dropLast() }
            let position = lines.position(of: colons.startIndex)
            let marker = start..<end
            let word = rest.prefix { !$0.isWhitespace }
            if rest.isEmpty {
                guard let open = stack.popLast() else {
                    sink.error("`:::` closes no `::: when` block", at: position, length: colons.count)
                    continue
                }
                found.append(NarrativeConditional(form: .block, conditionText: open.condition, conditionStart: open.conditionStart,
                                                  position: open.position, opening: open.marker, otherwise: open.otherwise,
                                                  closing: marker))
            } else if rest == "otherwise" {
                guard !stack.isEmpty else {
                    sink.error("`::: otherwise` outside a `::: when` block", at: position, length: colons.count + 10)
                    continue
                }
                guard stack[stack.count - 1].otherwise == nil else {
                    sink.error("a second `::: otherwise` in the same `::: when` block", at: position, length: colons.count + 10)
                    continue
                }
                stack[stack.count - 1].otherwise = marker
            } else if word == "when" {
                var c = word.endIndex
                while c < rest.endIndex, rest[c].isWhitespace { c = text.index(after: c) }
                stack.append(Open(marker: marker, position: position, condition: String(rest[c...]),
                                  conditionStart: lines.position(of: c)))
            } else {
                sink.error("expected `::: when CONDITION`, `::: otherwise` or a closing `:::`", at: lines.position(of: rest.startIndex),
                           length: max(1, rest.count), suggestion: NearMiss.suggestion(for: String(word), among: ["when", "otherwise"]))
            }
        }
        for open in stack {
            sink.error("unclosed `::: when` block: expected a closing `:::` line", at: open.position, length: 3)
        }
        return found
    }
}
