import FolioCharts
import FolioScene

/// Charts of every kind with Mississippi-like data, shared by the chart and Cairo tests.
enum SampleCharts {
    static let source = "Source: NCMEC 2023 state fact sheets; US Census Bureau population estimates."

    static let states = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
        "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
        "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
        "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
        "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming"]

    static var ranked: Chart {
        let items = states.enumerated().map { i, s in
            RankedItem(label: s, value: s == "Mississippi" ? 204.3 : 100 + Double((i * 37) % 50) * 6.1,
                       highlighted: s == "Mississippi")
        }
        return Chart(id: "ranked-states", title: "Mississippi ranks in the middle of states for reports per child",
                     subtitle: "CyberTipline reports per 100,000 children, 2023", source: source,
                     mark: .rankedDots(RankedDotMark(items: items, axis: ValueAxis(title: "Reports per 100,000 children", style: .decimal(places: 1), includesZero: false),
                                                     referenceLines: [ReferenceLine(value: 228.4, label: "US rate 228.4")])),
                     altText: "Ranked dots")
    }

    static var stacked: Chart {
        Chart(id: "stacked-share", title: "Social services made most Mississippi reports, far above the national share",
              source: source, note: "Shares of reports with a known reporter type.",
              mark: .stackedBars(StackedBarMark(categories: ["Mississippi", "United States"],
                  segments: [Series(name: "Social services", values: [72, 22_442], emphasized: true),
                             Series(name: "Law enforcement", values: [18, 6_444]),
                             Series(name: "Other", values: [13, 3_100])],
                  axis: ValueAxis(title: "Share of reports", style: .percent(places: 0)), normalized: true)),
              altText: "Stacked")
    }

    static var dots: Chart {
        Chart(id: "rates-intervals", title: "Mississippi's rate is higher for enticement than for other report types",
              subtitle: "Rate per 100,000 children with 95% intervals", source: source,
              mark: .dots(DotMark(categories: ["Child sexual abuse material", "Online enticement of children for sexual acts", "Child sex trafficking", "Other"],
                  series: [Series(name: "Mississippi", values: [15.2, 10.6, 4.3, 1.9],
                                  intervals: [12.4...18.4, 8.3...13.3, 2.9...6.1, 1.0...3.3], emphasized: true),
                           Series(name: "United States", values: [13.1, 7.9, 2.2, 1.4],
                                  intervals: [12.9...13.3, 7.7...8.1, 2.1...2.3, 1.3...1.5])],
                  axis: ValueAxis(title: "Reports per 100,000 children", style: .decimal(places: 1)))),
              altText: "Dots")
    }

    static var counts: Chart {
        Chart(id: "report-counts", title: "Nearly all Mississippi reports concern child sexual abuse material",
              source: source,
              mark: .bars(BarMark(categories: ["Child sexual abuse material", "Online enticement of children for sexual acts",
                                               "Child sex trafficking", "Unsolicited obscene material sent to a child",
                                               "Misleading words or digital images", "Child sex tourism", "Child sexual molestation"],
                                  series: [Series(name: "Reports", values: [4_546, 161, 103, 29, 20, 13, 12])],
                                  axis: ValueAxis(title: "Number of CyberTipline reports"))),
              altText: "Counts")
    }

    static var shares: Chart {
        Chart(id: "share-national", title: "Mississippi's share of US reports is below its share of US children",
              subtitle: "Mississippi as a share of national totals", source: source,
              mark: .bars(BarMark(categories: ["Reports", "Reports with a location", "Escalated reports"],
                                  series: [Series(name: "Share", values: [0.0036, 0.0032, 0.0035])],
                                  axis: ValueAxis(title: "Share of US total", style: .percent(places: 2)),
                                  referenceLines: [ReferenceLine(value: 0.00878, label: "Share of US residents 0.88%"),
                                                   ReferenceLine(value: 0.00933, label: "Share of US children 0.93%")])),
              altText: "Shares")
    }

    static var columns: Chart {
        Chart(id: "yearly", title: "Reports rose every year since 2019", source: source,
              mark: .bars(BarMark(orientation: .vertical, categories: ["2019", "2020", "2021", "2022", "2023"],
                                  series: [Series(name: "Reports", values: [2_104, 2_890, 3_450, 4_020, 4_984])],
                                  axis: ValueAxis(title: "CyberTipline reports"),
                                  referenceLines: [ReferenceLine(value: 3_500, label: "Five-year mean 3,490")])),
              altText: "Columns")
    }

    static var table: Chart {
        Chart(id: "summary-table", title: "Mississippi at a glance", source: source,
              mark: .table(TableMark(columns: ["Measure", "Mississippi", "United States", "Share"],
                                     rows: [["CyberTipline reports", "4,984", "1,382,416", "0.36%"],
                                            ["Reports per 100,000 children", "710.7", "1,887.5", "—"],
                                            ["Children (under 18)", "701,300", "73,228,000", "0.96%"]],
                                     numericColumns: [1, 2, 3])),
              altText: "Table")
    }

    /// Vertical 100% stacked columns, one per year.
    static var stackedColumns: Chart {
        Chart(id: "stacked-columns", title: "Most missing-child cases each year involved children missing from care",
              source: source,
              mark: .stackedBars(StackedBarMark(orientation: .vertical, categories: ["2020", "2021", "2022", "2023"],
                  segments: [Series(name: "Missing from care", values: [60, 66, 70, 72], emphasized: true),
                             Series(name: "Other cases", values: [30, 28, 29, 31])],
                  axis: ValueAxis(title: "Share of cases", style: .percent(places: 0)), normalized: true)),
              altText: "Stacked columns")
    }

    static var all: [Chart] { [ranked, stacked, dots, counts, shares, columns, table, stackedColumns] }
}
