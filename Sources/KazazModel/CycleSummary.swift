import Foundation

/// What one refresh cycle did: the totals of its polls. The daemon logs it, keeps it as its last
/// cycle, sends it to `refresh --wait` and `status` over the control socket, and `run --once`
/// prints it.
public struct CycleSummary: Codable, Sendable, Equatable {
  public var feedsPolled: Int
  /// Feeds that answered 304 Not Modified.
  public var unchanged: Int
  public var failedFeeds: Int
  public var newItems: Int
  public var relevantItems: Int
  /// Items skipped as already stored.
  public var duplicates: Int
  public var durationSeconds: Double
  /// One line per failed feed: its URL and why.
  public var failures: [String]
  /// The daemon stopped before this cycle could run or finish.
  public var interrupted: Bool

  public init(
    feedsPolled: Int = 0, unchanged: Int = 0, failedFeeds: Int = 0, newItems: Int = 0,
    relevantItems: Int = 0, duplicates: Int = 0, durationSeconds: Double = 0,
    failures: [String] = [], interrupted: Bool = false
  ) {
    self.feedsPolled = feedsPolled
    self.unchanged = unchanged
    self.failedFeeds = failedFeeds
    self.newItems = newItems
    self.relevantItems = relevantItems
    self.duplicates = duplicates
    self.durationSeconds = durationSeconds
    self.failures = failures
    self.interrupted = interrupted
  }

  /// One line for humans.
  public var line: String {
    let seconds = String(format: "%.1f", durationSeconds)
    return
      "\(feedsPolled) feeds polled (\(unchanged) unchanged, \(failedFeeds) failed), \(newItems) new items, \(relevantItems) relevant, \(duplicates) duplicates skipped, in \(seconds)s"
  }
}
