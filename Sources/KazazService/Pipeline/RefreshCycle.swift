import Foundation
import KazazFetch
import KazazModel
import KazazStore
import Logging
import ServiceLifecycle

/// Polls every feed once, many at a time, and sums up what happened.
///
/// At most `window` polls are in progress at once: enough to keep every fetch slot busy while
/// parsing and classifying run on the CPU, few enough that fetched bodies do not pile up in
/// memory waiting for a CPU (a thousand 30 KB feeds would otherwise all be held at once). The
/// fetcher enforces its own global and per-host connection limits inside that window.
public struct RefreshCycle: Sendable {
  public let pipeline: FeedPipeline
  public let window: Int

  public init(pipeline: FeedPipeline, window: Int? = nil) {
    self.pipeline = pipeline
    self.window = max(1, window ?? pipeline.engine.settings.concurrency * 2)
  }

  /// Polls `feeds`, each with its policy (`defaultPolicy` for feeds missing from `policies`).
  /// `now` dates each poll (when it was checked, when it is due again). `onReport` sees each poll
  /// as it completes. Once a graceful shutdown begins (or the task is
  /// cancelled) no further poll starts; polls in flight finish and commit.
  public func run(
    feeds: [FeedState], policies: [String: FeedPolicy], defaultPolicy: FeedPolicy, logger: Logger,
    now: @escaping @Sendable () -> Date = Date.init,
    onReport: (@Sendable (FeedPollReport) -> Void)? = nil
  ) async -> CycleSummary {
    let started = ContinuousClock.now
    var summary = CycleSummary()
    await withTaskGroup(of: FeedPollReport.self) { group in
      var pending = feeds[...]
      func startNext() {
        guard !Task.isShuttingDownGracefully, !Task.isCancelled, let feed = pending.popFirst()
        else { return }
        let policy = policies[feed.url] ?? defaultPolicy
        group.addTask { await pipeline.poll(feed, policy: policy, logger: logger, now: now) }
      }
      for _ in 0..<min(window, feeds.count) { startNext() }
      for await report in group {
        summary.add(report)
        onReport?(report)
        startNext()
      }
    }
    summary.durationSeconds = PollPlanner.seconds(ContinuousClock.now - started)
    logger.info(
      "refresh cycle done",
      metadata: [
        "feeds": "\(summary.feedsPolled)", "items.new": "\(summary.newItems)",
        "items.relevant": "\(summary.relevantItems)", "feeds.failed": "\(summary.failedFeeds)",
        "duration.seconds": "\(summary.durationSeconds)",
      ])
    return summary
  }
}

extension CycleSummary {
  /// Counts one poll.
  mutating func add(_ report: FeedPollReport) {
    feedsPolled += 1
    newItems += report.commit.inserted
    relevantItems += report.commit.relevant
    duplicates += report.commit.duplicates
    switch report.outcome {
    case .notModified: unchanged += 1
    case .failed(_, let message, _):
      failedFeeds += 1
      failures.append("\(report.feedURL): \(message)")
    case .updated: break
    }
  }
}
