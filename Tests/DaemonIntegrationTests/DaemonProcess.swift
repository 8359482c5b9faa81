import Foundation
import KazazTesting

#if canImport(Glibc)
  import Glibc
#endif

/// The built `kazaz-monitor` executable, run as a child process the way systemd runs it.
final class DaemonProcess: @unchecked Sendable {
  let process = Process()
  let logFile: URL

  /// The executable next to the test bundle (`swift build`/`swift test` put every product of
  /// the package in the same folder), or `KAZAZ_MONITOR_BINARY`.
  static let binary: URL? = {
    if let explicit = ProcessInfo.processInfo.environment["KAZAZ_MONITOR_BINARY"] {
      return URL(fileURLWithPath: explicit)
    }
    var candidates: [URL] = []
    if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
      candidates.append(bundle.appendingPathComponent("kazaz-monitor"))
    }
    candidates.append(
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("kazaz-monitor"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  init(
    arguments: [String], environment: [String: String], logFile: URL,
    binary: URL? = DaemonProcess.binary
  ) throws {
    guard let binary else { throw POSIXError(.ENOENT) }
    self.logFile = logFile
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    let log = try FileHandle(forWritingTo: logFile)
    process.executableURL = binary
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "RUNTIME_DIRECTORY"] {
      merged[key] = nil
    }
    merged.merge(environment) { _, new in new }
    process.environment = merged
    process.standardOutput = log
    process.standardError = log
    try process.run()
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  var pid: Int32 { process.processIdentifier }

  func signal(_ number: Int32) { kill(pid, number) }

  /// Waits (bounded) for the process to exit; returns its status, or nil if it still runs.
  func waitForExit(timeout: Duration = .seconds(120)) async -> Int32? {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(50))
    }
    return process.isRunning ? nil : process.terminationStatus
  }

  var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

  /// Runs the executable once (a command-line client) and returns its exit status and output.
  /// The blocking wait runs on a thread of its own, off the cooperative pool.
  static func command(
    _ arguments: [String], binary: URL? = DaemonProcess.binary, environment: [String: String] = [:]
  ) async throws -> (status: Int32, output: String) {
    guard let binary else { throw POSIXError(.ENOENT) }
    return try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(
          with: Result {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            if !environment.isEmpty {
              process.environment = ProcessInfo.processInfo.environment.merging(environment) {
                $1
              }
            }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = try pipe.fileHandleForReading.readToEnd() ?? Data()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
          })
      }.start()
    }
  }
}
