#if canImport(Glibc)
  import Glibc
#endif

/// Why talking over the control socket failed.
public enum ControlError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Nothing listens at the path: no daemon runs (or it uses another socket).
  case noDaemon(path: String)
  /// The socket exists but this user may not connect to it.
  case permissionDenied(path: String)
  /// Another daemon already listens at the path.
  case alreadyListening(path: String)
  /// The path does not fit in a `sockaddr_un` (107 bytes).
  case pathTooLong(path: String)
  /// Something other than a socket (`kind`: a regular file, a directory, a symlink …) is at the
  /// path. Only a stale socket is ever removed: anything else may be an operator's file.
  case notASocket(path: String, kind: String)
  /// The peer took longer than its time limit.
  case timedOut(String)
  /// A system call failed.
  case system(call: String, errno: Int32)
  /// The peer closed the connection before the final reply.
  case closed
  /// The peer sent something that is not a message.
  case malformed(String)

  public var description: String {
    switch self {
    case .noDaemon(let path): "no kazaz-monitor daemon is listening on \(path)"
    case .permissionDenied(let path):
      "permission denied on \(path) (is this user in the service's operator group?)"
    case .alreadyListening(let path): "another kazaz-monitor daemon already listens on \(path)"
    case .pathTooLong(let path): "control socket path is too long for a unix socket: \(path)"
    case .notASocket(let path, let kind):
      "control socket path \(path) exists and is not a socket (\(kind)); not removing it"
    case .timedOut(let what): "timed out: \(what)"
    case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
    case .closed: "the daemon closed the connection before answering (is it stopping?)"
    case .malformed(let text): "malformed control message: \(text)"
    }
  }
}
