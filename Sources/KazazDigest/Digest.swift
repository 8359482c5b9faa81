import Foundation
import KazazModel

/// One digest: a period, what was found in it, how that compares with the days before, and the
/// state of the sources. A value that every renderer reads; it holds no formatting.
public struct Digest: Sendable, Equatable {
  /// Where a story was published: the feed's name and, when it is a web link, the article.
  public struct Source: Sendable, Equatable {
    public var name: String
    public var feedURL: String
    /// The article's link in this source (any scheme; renderers link only http and https).
    public var link: String?

    public init(name: String, feedURL: String, link: String?) {
      self.name = name
      self.feedURL = feedURL
      self.link = link
    }
  }

  /// One story: the stored item chosen to stand for it, and what the digest says about it.
  public struct Entry: Sendable, Equatable {
    public var item: StoredItem
    /// One or two sentences from the text.
    public var lead: String
    /// Money amounts and percentages quoted in the story, as written.
    public var keyFigures: [String]
    /// Other sources that carried the same story in the period.
    public var alsoReportedBy: [Source]

    public init(
      item: StoredItem, lead: String, keyFigures: [String] = [], alsoReportedBy: [Source] = []
    ) {
      self.item = item
      self.lead = lead
      self.keyFigures = keyFigures
      self.alsoReportedBy = alsoReportedBy
    }

    /// The source of the item itself.
    public var source: Source {
      Source(
        name: item.feedTitle ?? DigestText.host(of: item.feedURL), feedURL: item.feedURL,
        link: item.url)
    }
  }

  public struct TopicSection: Sendable, Equatable {
    public var topic: TopicID
    public var entries: [Entry]
  }

  /// A source that is failing or disabled at the time of writing.
  public struct FeedProblem: Sendable, Equatable {
    public var name: String
    public var url: String
    public var consecutiveFailures: Int
    public var lastError: String?
    public var disabledReason: String?
  }

  public var period: DigestPeriod
  public var language: DigestLanguage
  /// Every item first seen in the period, relevant or not.
  public var totalItems: Int
  public var relevantCount: Int
  public var feedCount: Int
  /// Every story of the period, best first (same-story items merged).
  public var stories: [Entry]
  /// The first stories, for the "top stories" list.
  public var topStories: [Entry]
  public var sections: [TopicSection]
  public var statistics: DigestStatistics
  public var feedProblems: [FeedProblem]

  /// The label day, `YYYY-MM-DD`.
  public var day: String { period.day }
  public var timeZone: TimeZone { period.timeZone }
  public var isEmpty: Bool { relevantCount == 0 }
}
