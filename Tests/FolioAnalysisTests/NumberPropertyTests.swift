import Foundation
import Testing
import TestSupport
import FolioFormat
@testable import FolioAnalysis

/// SplitMix64: a fixed-seed generator so every property run checks the same values.
struct PropertyRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Properties over many generated values: whatever number reaches a formatter, the text has no
/// nan, inf or exponent and reads back as the number; every interval brackets its estimate.
@Suite struct NumberPropertyTests {
    /// Values across every magnitude, both signs, and the special ones.
    static func values(_ n: Int, seed: UInt64) -> [Double] {
        var rng = PropertyRNG(state: seed)
        var out: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 0.005, 999.5, 1e15, 9.0e18, 1.8e19, 1e300,
                             .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
                             .nan, .infinity, -.infinity]
        for _ in 0..<n {
            let exponent = Double.random(in: -12...308, using: &rng)
            let sign: Double = Bool.random(using: &rng) ? 1 : -1
            out.append(sign * Double.random(in: 1..<10, using: &rng) * pow(10, exponent.rounded(.down)))
        }
        return out
    }

    static let styles: [NumberStyle] = [.count, .decimal(places: 0), .decimal(places: 1), .decimal(places: 2),
                                        .decimal(places: 6), .decimal(places: 12), .percent(places: 0),
                                        .percent(places: 1), .percent(places: 2), .compact(places: 1)]

    @Test func formattedNumbersNeverShowNanInfinityOrAnExponent() {
        let allowed = Set("0123456789,.-%\u{2212}").union(" millionbillion/a")
        for v in Self.values(1_000, seed: 7) {
            for style in Self.styles {
                let text = style.format(v)
                expect(!text.isEmpty)
                let lowered = text.lowercased()
                expect(!lowered.contains("nan") && !lowered.contains("inf") && !lowered.contains("e+")
                        && !lowered.contains("e-"), "\(style) formatted \(v) as \(text)")
                expect(text.allSatisfy { allowed.contains($0) }, "\(style) formatted \(v) as \(text)")
            }
        }
    }

    @Test func groupedDigitsReadBackAsTheRoundedNumber() {
        for v in Self.values(3_000, seed: 11) where v.isFinite && abs(v) < 1e15 {
            for places in [0, 1, 2, 3] {
                let text = USNumberFormatter.grouped(v, places: places)
                let plain = text.replacingOccurrences(of: ",", with: "")
                let back = Double(plain)
                expect(back != nil, "\(v) → \(text)")
                let scale = pow(10.0, Double(places))
                let expected = (abs(v) * scale).rounded(.toNearestOrAwayFromZero) / scale
                if let back { expect(abs(abs(back) - expected) <= max(1e-9, expected * 1e-15), "\(v) → \(text)") }
                // Commas every three digits of the whole part.
                let whole = text.split(separator: ".").first.map(String.init) ?? ""
                let groups = whole.trimmingCharacters(in: CharacterSet(charactersIn: "-")).split(separator: ",")
                expect(groups.dropFirst().allSatisfy { $0.count == 3 } && (groups.first?.count ?? 0) <= 3, "\(text)")
            }
        }
    }

    @Test func hugeFiniteValuesStayDigits() {
        for v in [1e300, Double.greatestFiniteMagnitude, 1e20] {
            for places in [0, 2, 12] {
                let text = USNumberFormatter.grouped(v, places: places)
                expect(text.first?.isNumber == true && !text.contains("inf") && !text.contains("e"), "\(v), \(places) → \(text)")
            }
        }
    }

    @Test func wilsonIntervalsBracketTheShareAndStayInZeroToOne() {
        var rng = PropertyRNG(state: 3)
        var cases: [(Double, Double)] = [(0, 1), (1, 1), (0, 10_000_000), (10_000_000, 10_000_000), (1, 10_000_000)]
        for _ in 0..<2_000 {
            let trials = Double(Int.random(in: 1...10_000_000, using: &rng))
            cases.append((Double(Int.random(in: 0...Int(trials), using: &rng)), trials))
        }
        for (k, n) in cases {
            let i = IntervalEstimator.wilson(successes: k, trials: n)
            let p = k / n
            expect(i.lower.isFinite && i.upper.isFinite)
            expect(0 <= i.lower && i.lower <= p + 1e-12 && p - 1e-12 <= i.upper && i.upper <= 1, "\(k)/\(n): \(i)")
        }
    }

    @Test func poissonIntervalsBracketTheCountAndStayFinite() {
        var rng = PropertyRNG(state: 5)
        var counts: [Double] = [0, 1, 2, 10, 100, 1_000, 10_000_000]
        for _ in 0..<300 { counts.append(Double(Int.random(in: 0...10_000_000, using: &rng))) }
        for _ in 0..<300 { counts.append(Double(Int.random(in: 0...200, using: &rng))) }
        for k in counts {
            let i = IntervalEstimator.poissonExact(count: k)
            expect(i.lower.isFinite && i.upper.isFinite, "\(k): \(i)")
            expect(i.lower >= 0 && i.lower <= k && k <= i.upper, "\(k): \(i)")
        }
    }
}
