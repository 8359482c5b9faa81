import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the `on_digest` command: an argument list, never a shell string, with the digest paths
/// appended as further arguments. Standard input is empty; standard output and error go where
/// the daemon's go (the journal). A command still running after `timeout` is sent SIGTERM, and
/// SIGKILL five seconds later.
public struct DeliveryCommand: Sendable {
  public var arguments: [String]
  public var timeout: Duration

  public init(arguments: [String], timeout: Duration) {
    self.arguments = arguments
    self.timeout = timeout
  }

  /// Runs the command with `paths`; returns nil on exit status 0, else why it failed.
  public func run(paths: [String]) async -> String? {
    guard let program = arguments.first else { return "no command" }
    guard let executable = Self.locate(program) else { return "\(program): command not found" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = Array(arguments.dropFirst()) + paths
    process.standardInput = FileHandle.nullDevice
    let exit = ExitWaiter()
    process.terminationHandler = {
      exit.finish(status: $0.terminationStatus, reason: $0.terminationReason)
    }
    do {
      try process.run()
    } catch {
      return "\(program): cannot start: \(error.localizedDescription)"
    }
    let pid = process.processIdentifier
    let timeout = self.timeout
    let watchdog = Task {
      try await Task.sleep(for: timeout)
      exit.timedOut()
      kill(pid, SIGTERM)
      try await Task.sleep(for: .seconds(5))
      kill(pid, SIGKILL)
    }
    let (status, reason, timedOut) = await exit.wait()
    watchdog.cancel()
    if timedOut { return "\(program): timed out after \(timeout)" }
    if reason == .uncaughtSignal { return "\(program): killed by signal \(status)" }
    return status == 0 ? nil : "\(program): exit status \(status)"
  }

  /// An absolute path as given; a bare name is looked up in `PATH`.
  static func locate(_ program: String) -> String? {
    if program.hasPrefix("/") {
      return FileManager.default.isExecutableFile(atPath: program) ? program : nil
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// Hands a child's exit from Foundation's termination handler to an async waiter.
private final class ExitWaiter: @unchecked Sendable {
  private let lock = NSLock()
  private var result: (Int32, Process.TerminationReason)?
  private var didTimeOut = false
  private var continuation: CheckedContinuation<(Int32, Process.TerminationReason, Bool), Never>?

  func finish(status: Int32, reason: Process.TerminationReason) {
    lock.lock()
    defer { lock.unlock() }
    if let continuation {
      continuation.resume(returning: (status, reason, didTimeOut))
      self.continuation = nil
    } else {
      result = (status, reason)
    }
  }

  func timedOut() {
    lock.lock()
    didTimeOut = true
    lock.unlock()
  }

  func wait() async -> (Int32, Process.TerminationReason, Bool) {
    await withCheckedContinuation { continuation in
      lock.lock()
      defer { lock.unlock() }
      if let result {
        continuation.resume(returning: (result.0, result.1, didTimeOut))
      } else {
        self.continuation = continuation
      }
    }
  }
}
