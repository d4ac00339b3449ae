import Testing
import TestSupport
@testable import FolioCharts

@Suite struct TickTests {
    let locator = NiceTickLocator()

    @Test func countsToRoundHundreds() {
        let ticks = locator.ticks(for: 0...668.7, targetCount: 5)
        expect(ticks == [0, 200, 400, 600, 800] || ticks == [0, 100, 200, 300, 400, 500, 600, 700])
        expectEqual(TickFormatter(style: .count).labels(for: ticks).first, "0")
    }

    @Test func smallPercentagesGetRoundPercentSteps() {
        let ticks = locator.ticks(for: 0...0.0093, targetCount: 5)
        expectEqual(ticks.first, 0)
        expect((ticks.last ?? 0) >= 0.0093)
        let labels = TickFormatter(style: .percent(places: 2)).labels(for: ticks)
        expectEqual(labels, ["0.0%", "0.2%", "0.4%", "0.6%", "0.8%", "1.0%"])
    }

    @Test func decimalsAreExact() {
        let ticks = locator.ticks(for: 0.1...0.7, targetCount: 6)
        expect(ticks.contains(0.6))
        expect(TickFormatter(style: .decimal(places: 3)).labels(for: ticks).contains("0.6"))
    }

    @Test(arguments: [0.0...0.0, 5.0...5.0, -3.0...(-3.0), 1e-12...2e-12, 0...1e-300, -1e300...1e300])
    func degenerateDomainsNeverGiveNaN(domain: ClosedRange<Double>) {
        let ticks = locator.ticks(for: domain, targetCount: 5)
        expect(ticks.count >= 2)
        expect(ticks.allSatisfy { $0.isFinite })
        expect((ticks.first ?? .nan) <= domain.lowerBound && (ticks.last ?? .nan) >= domain.upperBound)
    }

    @Test func nonFiniteDomainFallsBack() {
        expectEqual(locator.ticks(for: -Double.infinity...Double.infinity, targetCount: 5), [0, 1])
    }

    @Test func logTicksArePowersOfTen() {
        let ticks = LogTickLocator().ticks(for: 3...45_000, targetCount: 5)
        expectEqual(ticks, [1, 10, 100, 1_000, 10_000, 100_000])
        let narrow = LogTickLocator().ticks(for: 3...40, targetCount: 5)
        expectEqual(narrow, [2, 5, 10, 20, 50])
    }

    @Test func compactAxisUsesMillions() {
        expectEqual(TickFormatter(style: .compact(places: 1)).labels(for: [0, 2e7, 4e7]), ["0", "20 million", "40 million"])
    }
}

@Suite struct ScaleTests {
    @Test func linearMapsEnds() {
        let s = LinearScale(domain: 0...800, range: (100, 500))
        expectEqual(s.map(0), 100); expectEqual(s.map(800), 500); expectEqual(s.map(400), 300)
        expectEqual(LinearScale(domain: 5...5, range: (1, 2)).map(5), 1)
    }

    @Test func logMapsDecades() {
        let s = LogScale(domain: 1...1000, range: (0, 300))
        expect(abs(s.map(10) - 100) < 1e-9); expectEqual(s.map(0), 0)
    }

    @Test func bandsTileTheRange() {
        let b = BandScale(count: 4, range: 0...100, paddingInner: 0.2, paddingOuter: 0.1)
        expect(abs(b.start(0) - b.step * 0.1) < 1e-9)
        expect(abs(b.start(3) + b.bandwidth + b.step * 0.1 - 100) < 1e-9)
    }

    @Test func axisTrainerIncludesZeroAndReferences() throws {
        let axis = try AxisTrainer(chartID: "t").train(ValueAxis(title: "x"), values: [120, 340], extras: [900],
                                                       forceZero: true, targetCount: 5)
        expectEqual(axis.scale.domain.lowerBound, 0)
        expect(axis.scale.domain.upperBound >= 900)
        expect(axis.labels.contains("0"))
    }
}
