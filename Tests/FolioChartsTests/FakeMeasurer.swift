import Foundation
import FolioScene

/// A predictable measurer: each character is 0.55 × size wide, lines are 1.2 × size tall,
/// words wrap greedily at the item's width (markup tags are ignored).
struct FakeMeasurer: TextMeasurer {
    func measure(_ text: TextItem) -> TextMetrics {
        var s: String
        switch text.content {
        case .plain(let p): s = p
        case .markup(let m): s = m.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        }
        s = s.trimmingCharacters(in: .whitespaces)
        let size = text.font.size
        let charW = 0.55 * size * (text.font.weight.rawValue >= 600 ? 1.06 : 1)
        var lines: [Double] = []
        if let width = text.width {
            var current = 0.0
            for word in s.split(separator: " ") {
                let w = Double(word.count) * charW
                if current == 0 { current = w }
                else if current + charW + w <= width + 1e-9 { current += charW + w }
                else { lines.append(current); current = w }
            }
            lines.append(current)
        } else {
            lines = [Double(s.count) * charW]
        }
        return TextMetrics(width: lines.max() ?? 0, height: Double(lines.count) * 1.2 * size,
                           baseline: 0.95 * size, lineCount: lines.count)
    }
}
