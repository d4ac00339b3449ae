import Foundation

/// Where a headless Chromium is installed, for the tests that look at the HTML as a browser
/// draws it through `scripts/screenshot-html.sh` and `scripts/chart-text-size.sh` (which look
/// for the same names on `PATH`). `make test` installs Debian's (`make test-deps`); where there
/// is none, those tests skip.
public enum HeadlessChromium {
    /// Debian's `chromium`, or another Chromium-based browser on the usual paths; nil when none.
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
