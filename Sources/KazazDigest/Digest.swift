import Foundation
import KazazModel

/// One digest: a period, what was found in it, and the state of the sources. A value that every
/// renderer reads; it holds no formatting.
public struct Digest: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var item: StoredItem
    /// One or two sentences from the text.
    public var lead: String
  }

  public struct TopicSection: Sendable, Equatable {
    public var topic: TopicID
    public var entries: [Entry]
  }

  /// The calendar day, `YYYY-MM-DD`, in the digest's time zone.
  public var day: String
  public var start: Date
  public var end: Date
  public var timeZone: TimeZone
  public var totalItems: Int
  public var topStories: [Entry]
  public var sections: [TopicSection]
  public var languageCounts: [(Language, Int)]
  public var failingFeeds: [FeedState]
  public var feedCount: Int

  public var relevantCount: Int

  public static func == (lhs: Digest, rhs: Digest) -> Bool {
    lhs.day == rhs.day && lhs.start == rhs.start && lhs.end == rhs.end
      && lhs.totalItems == rhs.totalItems && lhs.relevantCount == rhs.relevantCount
      && lhs.topStories == rhs.topStories
      && lhs.sections == rhs.sections && lhs.failingFeeds == rhs.failingFeeds
      && lhs.languageCounts.map { "\($0.0)=\($0.1)" }
        == rhs.languageCounts.map { "\($0.0)=\($0.1)" }
  }
}
