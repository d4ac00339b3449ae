import Foundation
import FolioAnalysis

/// The date stamped into PDFs and HTML: from `SOURCE_DATE_EPOCH` when set (the reproducible-builds
/// convention), else the end of the data year; never the clock, so two runs give the same bytes.
enum DocumentDate {
    static func make(for run: AnalysisRun, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            let date = Date(timeIntervalSince1970: TimeInterval(epoch))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1,
                          c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        }
        let year = run["data.year"]?.text ?? "2000"
        return "\(year)-12-31T00:00:00"
    }
}
