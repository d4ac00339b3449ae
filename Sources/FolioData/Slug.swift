import Foundation

/// Folder-safe names: "New Hampshire" → "new-hampshire", "Biscoe" → "biscoe".
public enum Slug {
    public static func make(_ words: String) -> String {
        let lowered = words.lowercased()
        var out = ""
        for ch in lowered {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")))
    }
}
