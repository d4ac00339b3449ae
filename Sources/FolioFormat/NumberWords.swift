/// Small whole numbers as words, as US style guides write them in prose: "three", "ten"; larger
/// numbers stay digits.
public enum NumberWords {
    private static let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// `n` in words for 0 through 10, else nil.
    public static func cardinal(_ n: Int) -> String? { words.indices.contains(n) ? words[n] : nil }
}
