import Foundation

/// Where the daemon's loops and schedules read the time and wait for it: the poll loop, the
/// digest scheduler and the weekly report. The system clock in production; tests inject a clock
/// whose virtual time they advance explicitly, so schedules are tested without waiting.
///
/// A sleeper re-reads `now()` when it wakes: waking late (a suspended machine, a clock change)
/// only delays what was due, never skips it.
public protocol WallClock: Sendable {
  /// The current wall time.
  func now() -> Date
  /// Returns once `deadline` has passed (at once when it already has). Throws
  /// `CancellationError` when the calling task is cancelled first.
  func sleep(until deadline: Date) async throws
}

/// The machine's clock: `Date()` and `Task.sleep`.
public struct SystemClock: WallClock {
  public init() {}

  public func now() -> Date { Date() }

  public func sleep(until deadline: Date) async throws {
    let seconds = deadline.timeIntervalSinceNow
    guard seconds > 0 else {
      try Task.checkCancellation()
      return
    }
    // At most a year: a far-off or absurd deadline cannot overflow the conversion.
    try await Task.sleep(for: .seconds(min(seconds, 365 * 86_400)))
  }
}
