import Foundation
import KazazTesting

/// A finished child process: how it ended and what it printed.
struct ProcessRun {
  var status: Int32
  /// Ended by a signal (a trap, a kill), not by exiting.
  var crashed: Bool
  var output: String
  var errors: String

  static func run(
    _ binary: URL, _ arguments: [String], environment extra: [String: String] = [:]
  ) async throws -> ProcessRun {
    try await OffPool.run {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
      let output = Pipe()
      process.standardOutput = output
      // Standard error goes to a file, so a chatty child can never block on a full pipe while
      // standard output is read to its end.
      let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
        "kazaz-stderr-\(UUID().uuidString)")
      guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown)
      }
      defer { try? FileManager.default.removeItem(at: errorFile) }
      let errorHandle = try FileHandle(forWritingTo: errorFile)
      process.standardError = errorHandle
      try process.run()
      try errorHandle.close()
      let out = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let err = (try? Data(contentsOf: errorFile)) ?? Data()
      return ProcessRun(
        status: process.terminationStatus,
        crashed: process.terminationReason == .uncaughtSignal,
        output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }
  }
}
