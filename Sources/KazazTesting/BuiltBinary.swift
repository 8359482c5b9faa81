import Foundation

/// Finds the `kazaz-monitor` executable that SwiftPM built next to the test bundle, so tests can
/// run the real binary as a child process (signals, exit codes, crash safety).
public enum BuiltBinary {
  public static func kazazMonitor() -> URL? {
    var candidates: [URL] = []
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(directory.appendingPathComponent("kazaz-monitor"))
      directory = directory.deletingLastPathComponent()
    }
    let build = ProjectPaths.root().appendingPathComponent(".build")
    candidates.append(build.appendingPathComponent("debug/kazaz-monitor"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }
}
