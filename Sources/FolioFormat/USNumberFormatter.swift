import Foundation

/// Locale-independent US number formatting, so output bytes never depend on the machine's locale.
public enum USNumberFormatter {
    /// `value` rounded half away from zero to `places` decimals, with commas between thousands.
    /// Negative zero is written as `0`; the minus sign is U+2212 when `typographicMinus` is set.
    public static func grouped(_ value: Double, places: Int, typographicMinus: Bool = false) -> String {
        guard value.isFinite else { return "n/a" }
        let places = max(0, min(places, 12))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        if !scaled.isFinite {
            // Only a value near Double's limit overflows when scaled; its fraction is all zeros.
            let whole = grouped(value, places: 0, typographicMinus: typographicMinus)
            return whole + "." + String(repeating: "0", count: places)
        }
        let negative = value < 0 && scaled != 0
        // Split into whole and fractional digits using integer arithmetic where it is exact.
        var digits: String
        if scaled < 9.0e18 {
            digits = String(UInt64(scaled))
        } else {
            digits = String(format: "%.0f", scaled)
        }
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        let wholeDigits = digits.dropLast(places)
        let fraction = digits.suffix(places)
        var whole = ""
        // Counted once: a substring counts its characters one by one (quadratic for 1e300's 301 digits).
        let wholeCount = wholeDigits.count
        for (i, ch) in wholeDigits.enumerated() {
            if i > 0 && (wholeCount - i) % 3 == 0 { whole.append(",") }
            whole.append(ch)
        }
        let sign = negative ? (typographicMinus ? "\u{2212}" : "-") : ""
        return places > 0 ? "\(sign)\(whole).\(fraction)" : "\(sign)\(whole)"
    }
}
