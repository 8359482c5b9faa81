import Foundation
import KazazModel
import Synchronization

/// Hands each feed report of the running cycle to every client following it. Called from the
/// cycle synchronously, in order, so a client sees all progress before the cycle's summary;
/// clients that join a running cycle see the polls that complete after they joined.
final class ProgressFanout: Sendable {
  typealias Sink = @Sendable (FeedPollReport) -> Void
  private let sinks = Mutex<[Sink]>([])
  private let lastReport = Mutex<Date?>(nil)

  /// When the last poll of the cycle completed (nil: none yet).
  var lastReportAt: Date? { lastReport.withLock { $0 } }

  func add(_ sink: @escaping Sink) {
    sinks.withLock { $0.append(sink) }
  }

  func send(_ report: FeedPollReport, at now: Date = Date()) {
    lastReport.withLock { $0 = now }
    for sink in sinks.withLock({ $0 }) { sink(report) }
  }
}
