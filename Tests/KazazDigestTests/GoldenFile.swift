import Foundation
import Testing

/// A rendered report compared byte for byte with its file in `Golden/`, or written there when
/// `KAZAZ_UPDATE_GOLDEN=1` (after an intended change: regenerate, then read the diff).
enum GoldenFile {
  static func check(_ rendered: String, against name: String, in folder: URL) throws {
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["KAZAZ_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(rendered.utf8).write(to: file)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    guard rendered != expected else { return }
    let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(renderedLines, expectedLines).enumerated().first {
      $0.element.0 != $0.element.1
    }
    let line = (first?.offset ?? min(renderedLines.count, expectedLines.count)) + 1
    Issue.record(
      """
      \(name) differs from the golden file at line \(line):
        golden:   \(first.map { String($0.element.1) } ?? "(end)")
        rendered: \(first.map { String($0.element.0) } ?? "(end)")
      Regenerate with KAZAZ_UPDATE_GOLDEN=1 swift test --filter KazazDigestTests if the change \
      is intended, and read the diff.
      """)
  }
}
