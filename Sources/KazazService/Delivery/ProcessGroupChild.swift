import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child program in a process group of its own, started with only the descriptors and
/// environment it is given, so that it and everything it starts can be stopped together.
///
/// `posix_spawn` rather than `Process`: it sets the process group, resets signal dispositions
/// and mask (the daemon ignores or blocks signals its handlers take over, and a child would
/// inherit that), and closes every descriptor above standard error in the child — the daemon's
/// store, control socket and transfers are none of the command's business.
///
/// The child is watched with `waitid(WNOWAIT)`, which sees its exit without reaping it: while
/// it is an unreaped zombie its pid, and so its process group id, cannot be reused, so
/// signalling the group after the leader died still reaches only its own descendants.
enum ProcessGroupChild {
  /// Starts `executable` with `arguments` (the first is `argv[0]`) and exactly `environment`
  /// (`NAME=value` strings): standard input from /dev/null, standard output and error shared
  /// with the daemon, nothing else open. Returns its pid, which is also its process group id.
  static func spawn(
    executable: String, arguments: [String], environment: [String]
  ) throws(ChildSpawnError) -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }

    var code = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    guard code == 0 else { throw ChildSpawnError(call: "addopen", code: code) }
    code = closeFrom(3, in: &actions)
    guard code == 0 else { throw ChildSpawnError(call: "addclosefrom", code: code) }

    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setpgroup(&attributes, 0)
    let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid = pid_t()
    code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard code == 0 else { throw ChildSpawnError(call: "posix_spawn", code: code) }
    return pid
  }

  /// Blocks until `pid` has exited, leaving it unreaped (see the type's comment).
  static func waitUntilExited(_ pid: pid_t) {
    var info = siginfo_t()
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
  }

  /// Reaps `pid`, which has exited, and tells how it ended.
  static func reap(_ pid: pid_t) -> Termination {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return .unknown }
    }
    // The <sys/wait.h> macros, which Swift cannot import: low 7 bits the signal, else the
    // exit status in the second byte.
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
  }

  /// Sends `signal` to every process in the group `group`.
  static func signalGroup(_ group: pid_t, _ signal: Int32) {
    kill(-group, signal)
  }

  /// Waits until no process of `group` is alive any more (zombies, whose reaping is their
  /// parents' business, count as gone), or `limit` has passed. Returns whether the group is gone.
  /// A process killed by SIGKILL dies when the kernel next schedules it, not when `kill`
  /// returns: this is what lets the caller say that nothing it started is still running.
  @discardableResult
  static func awaitGroupGone(_ group: pid_t, limit: Duration) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while livingMembers(of: group) > 0 {
      guard ContinuousClock.now < deadline else { return false }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return true
  }

  /// Processes in `group` that are not zombies, from /proc.
  static func livingMembers(of group: pid_t) -> Int {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return 0
    }
    var count = 0
    for entry in entries where entry.first?.isNumber == true {
      guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let (state, processGroup) = parseStat(stat)
      else { continue }
      if processGroup == group && state != "Z" && state != "X" { count += 1 }
    }
    return count
  }

  /// The state and process group of a `/proc/PID/stat` line: `pid (comm) S ppid pgrp …`, where
  /// comm may itself contain spaces and parentheses, so fields are counted after the last `)`.
  static func parseStat(_ line: String) -> (state: Character, group: pid_t)? {
    guard let close = line.lastIndex(of: ")") else { return nil }
    let fields = line[line.index(after: close)...].split(separator: " ")
    guard fields.count >= 3, let state = fields[0].first, let group = pid_t(fields[2]) else {
      return nil
    }
    return (state, group)
  }

  /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later), looked up at run time:
  /// Swift's Glibc module does not export GNU extensions. Without it, each descriptor open now
  /// is closed by name, which misses only those opened between this call and the spawn.
  private static func closeFrom(
    _ lowest: Int32, in actions: inout posix_spawn_file_actions_t
  ) -> Int32 {
    typealias AddCloseFrom =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
      return unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, lowest)
    }
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for descriptor in open.compactMap({ Int32($0) }) where descriptor >= lowest {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }
    return 0
  }

  /// How a reaped child ended.
  enum Termination: Equatable {
    case exited(Int32)
    case signalled(Int32)
    case unknown
  }
}

/// A child could not be started; `call` failed with `code`.
struct ChildSpawnError: Error, CustomStringConvertible {
  var call: String
  var code: Int32

  var description: String { "\(call): \(String(cString: strerror(code)))" }
}
