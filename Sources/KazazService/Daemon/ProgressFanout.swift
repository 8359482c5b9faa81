import KazazModel
import Synchronization

/// Hands each feed report of the running cycle to every client following it. Called from the
/// cycle synchronously, in order, so a client sees all progress before the cycle's summary;
/// clients that join a running cycle see the polls that complete after they joined.
final class ProgressFanout: Sendable {
  typealias Sink = @Sendable (FeedPollReport) -> Void
  private let sinks = Mutex<[Sink]>([])

  func add(_ sink: @escaping Sink) {
    sinks.withLock { $0.append(sink) }
  }

  func send(_ report: FeedPollReport) {
    for sink in sinks.withLock({ $0 }) { sink(report) }
  }
}
