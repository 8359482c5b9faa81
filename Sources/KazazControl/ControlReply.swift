import Foundation
import KazazModel

/// What the daemon answers: zero or more `progress` lines, then exactly one final reply.
public enum ControlReply: Codable, Sendable, Equatable {
  /// A refresh without `wait` was queued (or joined a running cycle).
  case accepted(message: String)
  /// One feed of the cycle a waiting client follows has been polled.
  case progress(FeedProgress)
  /// The cycle a waiting client followed is over.
  case refreshed(CycleSummary)
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
