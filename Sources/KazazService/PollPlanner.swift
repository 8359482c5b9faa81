import Foundation
import KazazModel

/// Decides when a feed is polled next, from what the last poll said. Pure: time and randomness
/// come in as arguments, so every rule is tested as a value.
///
/// - A healthy feed is due after its interval, or later when the feed (`<ttl>`) or the server
///   (`Cache-Control: max-age`) asks for longer (capped at a day): never more often than they allow.
/// - A feed that keeps bringing nothing new is polled less often: after four unchanged polls the
///   interval grows step by step up to four times (a feed that changes again is back at once).
/// - Failures back off exponentially from the interval, capped at six hours; 429 and 503 honour
///   `Retry-After` (capped at a day) when it asks for longer.
/// - 410 Gone disables the feed, with the reason.
/// - Every delay gets ±10% jitter so that feeds added together drift apart.
public struct PollPlanner: Sendable {
  public static let maximumHint: Duration = .seconds(86_400)
  public static let maximumBackoff: Duration = .seconds(6 * 3600)
  public static let maximumAdaptiveFactor = 4.0
  public static let unchangedBeforeSlowing = 4
  public static let jitterFraction = 0.1

  /// What a poll found out, as far as scheduling cares.
  public struct Observation: Sendable, Equatable {
    public var status: Int?
    public var failed: Bool
    public var retryAfter: Duration?
    public var cacheMaxAge: Duration?
    public var ttl: Duration?

    public init(
      status: Int?, failed: Bool, retryAfter: Duration? = nil, cacheMaxAge: Duration? = nil,
      ttl: Duration? = nil
    ) {
      self.status = status
      self.failed = failed
      self.retryAfter = retryAfter
      self.cacheMaxAge = cacheMaxAge
      self.ttl = ttl
    }
  }

  public struct Plan: Sendable, Equatable {
    public var nextCheckAt: Date?
    public var disabledReason: String?
  }

  public init() {}

  /// - Parameters:
  ///   - failuresBefore: consecutive failures before this poll.
  ///   - unchangedBefore: successful polls in a row that brought nothing new, before this one.
  ///   - changed: this poll brought new items.
  ///   - jitter: a number in -1...1 (random in production).
  public func plan(
    observation: Observation, interval: Duration, failuresBefore: Int, unchangedBefore: Int,
    changed: Bool, now: Date, jitter: Double
  ) -> Plan {
    if observation.status == 410 {
      return Plan(
        nextCheckAt: nil,
        disabledReason: "410 Gone on \(Self.day(now)): the server says the feed was removed")
    }
    var delay: Duration
    if observation.failed {
      let failures = failuresBefore + 1
      let factor = pow(2.0, Double(min(failures - 1, 20)))
      delay = min(interval * factor, max(Self.maximumBackoff, interval))
      if let retryAfter = observation.retryAfter,
        observation.status == 429 || observation.status == 503
      {
        delay = max(delay, min(retryAfter, Self.maximumHint))
      }
    } else {
      delay = interval
      let hints = [observation.ttl, observation.cacheMaxAge].compactMap { $0 }
      if let hint = hints.max() { delay = max(delay, min(hint, Self.maximumHint)) }
      let unchanged = changed ? 0 : unchangedBefore + 1
      if unchanged > Self.unchangedBeforeSlowing {
        let steps = Double(unchanged - Self.unchangedBeforeSlowing)
        delay = delay * min(Self.maximumAdaptiveFactor, 1 + 0.25 * steps)
      }
    }
    let jittered = delay * (1 + Self.jitterFraction * max(-1, min(1, jitter)))
    return Plan(nextCheckAt: now.addingTimeInterval(Self.seconds(jittered)), disabledReason: nil)
  }

  /// When a feed never polled before is first due: spread over `window` by a stable hash of its
  /// URL, so a thousand new feeds do not fire in the same second.
  public func firstCheck(url: String, now: Date, window: Duration) -> Date {
    let span = max(1, Self.seconds(window))
    let offset = Double(StableHash.value(url) % 1_000_000) / 1_000_000 * span
    return now.addingTimeInterval(offset)
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private static func day(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    return formatter.string(from: date)
  }
}
