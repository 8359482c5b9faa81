import Foundation

/// Everything one poll of one feed produced, committed to the store in one transaction.
public struct FeedPollResult: Sendable {
  public enum Outcome: Sendable, Equatable {
    /// New content was fetched and parsed (possibly degraded: see `warnings`).
    case updated(status: Int, etag: String?, lastModified: String?, warnings: [String])
    /// 304: nothing changed.
    case notModified(status: Int)
    case failed(kind: String, message: String, status: Int?)
  }

  public var feedID: Int64
  public var checkedAt: Date
  public var outcome: Outcome
  public var feedTitle: String?
  public var items: [IncomingItem]
  /// When the feed is due next, as planned from this poll.
  public var nextCheckAt: Date?
  /// A permanent redirect (301/308 all the way) moved the feed here.
  public var movedTo: String?
  /// The feed must not be polled again (410 Gone): why.
  public var disabledReason: String?

  public init(
    feedID: Int64, checkedAt: Date, outcome: Outcome, feedTitle: String? = nil,
    items: [IncomingItem] = [], nextCheckAt: Date? = nil, movedTo: String? = nil,
    disabledReason: String? = nil
  ) {
    self.feedID = feedID
    self.checkedAt = checkedAt
    self.outcome = outcome
    self.feedTitle = feedTitle
    self.items = items
    self.nextCheckAt = nextCheckAt
    self.movedTo = movedTo
    self.disabledReason = disabledReason
  }
}
