import Foundation

/// What the daemon answers: zero or more `progress` lines, then exactly one final reply.
public enum ControlReply: Codable, Sendable, Equatable {
  /// A refresh without `wait` was queued (or joined a running cycle).
  case accepted(message: String)
  /// One feed of the cycle a waiting client follows has been polled.
  case progress(FeedProgress)
  /// The cycle a waiting client followed is over.
  case refreshed(RefreshReport)
  case status(DaemonStatus)
  /// The digest files written.
  case digest(paths: [String])
  /// The request could not be served; `message` says why, for humans.
  case failure(message: String)

  /// Every reply but `progress` ends the conversation.
  public var isFinal: Bool {
    if case .progress = self { return false }
    return true
  }
}

/// One polled feed, as a progress line.
public struct FeedProgress: Codable, Sendable, Equatable {
  public var feed: String
  /// `updated`, `unchanged` or `failed`.
  public var outcome: String
  public var newItems: Int
  public var relevantItems: Int
  public var error: String?

  public init(feed: String, outcome: String, newItems: Int, relevantItems: Int, error: String?) {
    self.feed = feed
    self.outcome = outcome
    self.newItems = newItems
    self.relevantItems = relevantItems
    self.error = error
  }
}

/// The totals of one refresh cycle.
public struct RefreshReport: Codable, Sendable, Equatable {
  public var feedsPolled: Int
  public var unchanged: Int
  public var failedFeeds: Int
  public var newItems: Int
  public var relevantItems: Int
  public var duplicates: Int
  public var durationSeconds: Double
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
      "\(feedsPolled) feeds polled (\(unchanged) unchanged, \(failedFeeds) failed), \(newItems) new items, \(relevantItems) relevant, \(failures.count) errors, in \(seconds)s"
  }
}
