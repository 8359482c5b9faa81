/// What a command-line client asks the daemon over the control socket: one JSON object on one
/// line, e.g. `{"refresh":{"feed":"3","wait":true}}` or `{"status":{}}`.
public enum ControlRequest: Codable, Sendable, Equatable {
  /// Poll now: every configured feed, or only `feed` (a configured URL or a store id). With
  /// `wait`, the daemon streams progress and ends with the cycle's report; without it, the
  /// daemon answers as soon as the refresh is queued.
  case refresh(feed: String?, wait: Bool)
  /// Uptime, the last and next cycle, the next digest, and per-feed health.
  case status
  /// Write the digest of the current day now.
  case digest
}
