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
///   `Retry-After` (capped at a day) when it asks for longer, and so does an answer of the
///   site's bot protection (`blocked`): it is a rate limit by other means.
/// - 410 Gone disables the feed, with the reason.
/// - Every delay gets ±10% jitter so that feeds added together drift apart.
///
/// Every input may be hostile or corrupt (a ttl of 10^18 minutes, a Retry-After of ten
/// thousand years, a failure count at `Int.max` from a damaged store, a NaN jitter), so the
/// arithmetic is done in clamped seconds: counts saturate, factors are bounded, and the final
/// delay lies in `0...maximumDelay`, whatever came in.
public struct PollPlanner: Sendable {
  public static let maximumHint: Duration = .seconds(86_400)
  public static let maximumBackoff: Duration = .seconds(6 * 3600)
  public static let maximumAdaptiveFactor = 4.0
  public static let unchangedBeforeSlowing = 4
  public static let jitterFraction = 0.1
  /// No plan is further ahead than a year. The rules above never ask for more than four times
  /// the larger of the interval and a day; this bound only guards against absurd configured
  /// intervals turning into dates that overflow later arithmetic.
  public static let maximumDelay: Duration = .seconds(365 * 86_400)
  /// Doubling stops after this many failures in a row (2^20 intervals is far past any cap).
  static let maximumBackoffDoublings = 20

  /// What a poll found out, as far as scheduling cares.
  public struct Observation: Sendable, Equatable {
    public var status: Int?
    public var failed: Bool
    public var retryAfter: Duration?
    public var cacheMaxAge: Duration?
    public var ttl: Duration?
    /// The site's bot protection answered instead of the feed (`BotChallenge`).
    public var blocked: Bool

    public init(
      status: Int?, failed: Bool, retryAfter: Duration? = nil, cacheMaxAge: Duration? = nil,
      ttl: Duration? = nil, blocked: Bool = false
    ) {
      self.status = status
      self.failed = failed
      self.retryAfter = retryAfter
      self.cacheMaxAge = cacheMaxAge
      self.ttl = ttl
      self.blocked = blocked
    }

    /// The server asked to be left alone for a while: a 429, a 503, or its bot protection.
    var isThrottled: Bool { status == 429 || status == 503 || blocked }
  }

  public struct Plan: Sendable, Equatable {
    public var nextCheckAt: Date?
    public var disabledReason: String?
  }

  public init() {}

  /// An RSS `<ttl>` (minutes, as the feed wrote it) as a scheduling hint: nil when absent, zero
  /// or negative (no hint), at most `maximumHint` (the cap applied anyway), so that a ttl of
  /// 10^18 minutes cannot overflow the conversion to seconds.
  public static func ttl(minutes: Int?) -> Duration? {
    guard let minutes, minutes > 0 else { return nil }
    let capMinutes = Int(maximumHint.components.seconds / 60)
    return .seconds(min(minutes, capMinutes) * 60)
  }

  /// - Parameters:
  ///   - failuresBefore: consecutive failures before this poll.
  ///   - unchangedBefore: successful polls in a row that brought nothing new, before this one.
  ///   - changed: this poll brought new items.
  ///   - jitter: a number in -1...1 (random in production); anything else is clamped, NaN is 0.
  public func plan(
    observation: Observation, interval: Duration, failuresBefore: Int, unchangedBefore: Int,
    changed: Bool, now: Date, jitter: Double
  ) -> Plan {
    if observation.status == 410 {
      return Plan(
        nextCheckAt: nil,
        disabledReason: "410 Gone on \(Self.day(now)): the server says the feed was removed")
    }
    let base = Self.clampedSeconds(interval)
    let hintCap = Self.seconds(Self.maximumHint)
    var delay: Double
    if observation.failed {
      // failuresBefore + 1 failures: the first waits one interval, each further one doubles.
      let doublings = min(max(failuresBefore, 0), Self.maximumBackoffDoublings)
      let backoff = base * Double(1 << doublings)
      delay = min(backoff, max(Self.seconds(Self.maximumBackoff), base))
      if let retryAfter = observation.retryAfter, observation.isThrottled {
        delay = max(delay, min(Self.clampedSeconds(retryAfter), hintCap))
      }
    } else {
      delay = base
      let hints = [observation.ttl, observation.cacheMaxAge].compactMap { $0 }
        .map(Self.clampedSeconds)
      if let hint = hints.max() { delay = max(delay, min(hint, hintCap)) }
      // Saturating: a corrupt count of Int.max stays Int.max instead of trapping.
      let unchanged =
        changed ? 0 : unchangedBefore < Int.max ? max(unchangedBefore, 0) + 1 : Int.max
      if unchanged > Self.unchangedBeforeSlowing {
        let steps = Double(unchanged - Self.unchangedBeforeSlowing)
        delay *= min(Self.maximumAdaptiveFactor, 1 + 0.25 * steps)
      }
    }
    let spread = jitter.isNaN ? 0 : max(-1, min(1, jitter))
    let jittered = delay * (1 + Self.jitterFraction * spread)
    let seconds = min(max(jittered, 0), Self.seconds(Self.maximumDelay))
    return Plan(nextCheckAt: now.addingTimeInterval(seconds), disabledReason: nil)
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

  /// A duration in seconds within `0...maximumDelay`: negative durations are zero.
  static func clampedSeconds(_ duration: Duration) -> Double {
    min(max(seconds(duration), 0), seconds(maximumDelay))
  }

  private static func day(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    return formatter.string(from: date)
  }
}
