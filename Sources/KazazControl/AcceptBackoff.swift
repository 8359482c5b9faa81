#if canImport(Glibc)
  import Glibc
#endif

/// How long the accept thread waits after `accept` fails, so that running out of descriptors or
/// memory (EMFILE, ENFILE, ENOMEM, ENOBUFS) does not turn into a loop that spins a core while the
/// condition lasts. The pending connection stays in the backlog and is accepted once resources
/// are back. A connection the client abandoned before it was accepted (ECONNABORTED) or an
/// interrupted call (EINTR) is retried at once: neither says anything about the daemon.
struct AcceptBackoff {
  /// The first wait after a failure, and the longest.
  static let initial: Duration = .milliseconds(10)
  static let maximum: Duration = .seconds(1)

  private var next: Duration = initial

  /// The wait before the next `accept` after it failed with `code`; each failure in a row waits
  /// twice as long as the one before, up to `maximum`.
  mutating func failed(errno code: Int32) -> Duration {
    if code == EINTR || code == ECONNABORTED { return .zero }
    let wait = next
    next = min(next * 2, Self.maximum)
    return wait
  }

  /// An `accept` succeeded: the next failure starts from the shortest wait again.
  mutating func succeeded() {
    next = Self.initial
  }
}
