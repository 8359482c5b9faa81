import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the `on_digest` command: an argument list, never a shell string, with the digest paths
/// appended as further arguments.
///
/// The command is a guest in the daemon's process, so it gets only what it needs: standard
/// input empty, standard output and error where the daemon's go (the journal), no other
/// descriptor, and a minimal environment (`environment(day:directory:)`: no credentials or
/// proxy settings of the daemon's leak into a mail script). It runs in a process group of its
/// own; a command still running after `timeout` gets SIGTERM, and `killGrace` later SIGKILL,
/// both sent to the whole group, so a script's background children are stopped with it.
public struct DeliveryCommand: Sendable {
  public var arguments: [String]
  public var timeout: Duration
  /// Between SIGTERM and SIGKILL on timeout.
  public var killGrace: Duration

  public init(arguments: [String], timeout: Duration, killGrace: Duration = .seconds(5)) {
    self.arguments = arguments
    self.timeout = timeout
    self.killGrace = killGrace
  }

  /// Runs the command with `paths`; returns nil on exit status 0, else why it failed. `day` and
  /// `directory` become `KAZAZ_DIGEST_DAY` and `KAZAZ_DIGEST_DIRECTORY`.
  public func run(paths: [String], day: String? = nil, directory: String? = nil) async -> String? {
    guard let program = arguments.first else { return "no command" }
    guard let executable = Self.locate(program) else { return "\(program): command not found" }
    let pid: pid_t
    do {
      pid = try ProcessGroupChild.spawn(
        executable: executable, arguments: arguments + paths,
        environment: Self.environment(day: day, directory: directory))
    } catch {
      return "\(program): cannot start: \(error)"
    }
    let exit = ChildExit()
    let watcher = Thread {
      ProcessGroupChild.waitUntilExited(pid)
      exit.happened()
    }
    watcher.start()
    var timedOut = false
    if await !exit.wait(limit: timeout) {
      timedOut = true
      ProcessGroupChild.signalGroup(pid, SIGTERM)
      _ = await exit.wait(limit: killGrace)
      // Also when the leader obeyed SIGTERM: a child of it that ignores SIGTERM is still in the
      // group. The leader is not reaped yet, so the group id cannot belong to anyone else.
      ProcessGroupChild.signalGroup(pid, SIGKILL)
      _ = await exit.wait(limit: nil)
      await ProcessGroupChild.awaitGroupGone(pid, limit: .seconds(5))
    }
    let termination = ProcessGroupChild.reap(pid)
    if timedOut { return "\(program): timed out after \(timeout)" }
    switch termination {
    case .exited(0): return nil
    case .exited(let status): return "\(program): exit status \(status)"
    case .signalled(let signal): return "\(program): killed by signal \(signal)"
    case .unknown: return "\(program): its exit status was lost"
    }
  }

  /// The whole environment of the command: `PATH` (the daemon's, else the standard one), `LANG`
  /// (the daemon's, else C.UTF-8), `TZ` when the daemon has one, and the `KAZAZ_*` variables
  /// documented under `on_digest`.
  static func environment(day: String?, directory: String?) -> [String] {
    let inherited = ProcessInfo.processInfo.environment
    var variables = [
      "PATH=\(inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")",
      "LANG=\(inherited["LANG"] ?? "C.UTF-8")",
    ]
    if let zone = inherited["TZ"] { variables.append("TZ=\(zone)") }
    if let day { variables.append("KAZAZ_DIGEST_DAY=\(day)") }
    if let directory { variables.append("KAZAZ_DIGEST_DIRECTORY=\(directory)") }
    return variables
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

/// The child's exit, from the thread that waits for it to the async runner, which may stop
/// waiting after a limit and wait again later.
private final class ChildExit: @unchecked Sendable {
  private let lock = NSLock()
  private var exited = false
  private var waiter: (id: Int, continuation: CheckedContinuation<Bool, Never>)?
  private var timer: Task<Void, Never>?
  private var nextID = 0

  func happened() {
    let (waiting, timer) = lock.withLock {
      exited = true
      defer {
        waiter = nil
        self.timer = nil
      }
      return (waiter, self.timer)
    }
    timer?.cancel()
    waiting?.continuation.resume(returning: true)
  }

  /// True once the child has exited; false when `limit` passed first (nil: no limit).
  func wait(limit: Duration?) async -> Bool {
    await withCheckedContinuation { continuation in
      let id: Int? = lock.withLock {
        if exited { return nil }
        nextID += 1
        waiter = (nextID, continuation)
        return nextID
      }
      guard let id else {
        continuation.resume(returning: true)
        return
      }
      guard let limit else { return }
      let timer = Task {
        try? await Task.sleep(for: limit)
        self.expire(id)
      }
      lock.withLock {
        if waiter?.id == id { self.timer = timer }
      }
    }
  }

  private func expire(_ id: Int) {
    let waiting = lock.withLock { () -> CheckedContinuation<Bool, Never>? in
      guard let waiter, waiter.id == id else { return nil }
      self.waiter = nil
      timer = nil
      return waiter.continuation
    }
    waiting?.resume(returning: false)
  }
}
