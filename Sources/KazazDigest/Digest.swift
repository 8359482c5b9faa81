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
    /// The headline as shown: without the site's name, in sentence case if it was in capitals.
    public var title: String?
    /// One or two sentences from the text.
    public var lead: String
    /// The topic the story is filed under (nil: none of the digest's topics).
    public var primaryTopic: TopicID?
    /// Its other topics, shown as tags, strongest first.
    public var otherTopics: [TopicID]
    /// The figures of the story (money, percentages, volumes), from the stored key facts.
    public var keyFacts: [KeyFact]
    /// The same, grouped by what they quantify and written for a reader: "trade turnover: $500
    /// million, +40%".
    public var keyFigures: [KeyFigureGroup]
    /// Why the story is here.
    public var reasons: Reasons
    /// Other sources that carried the same story in the period.
    public var alsoReportedBy: [Source]
    /// Its place among the day's stories (`StoryRanking`).
    public var rank: Double

    public init(
      item: StoredItem, title: String? = nil, lead: String, primaryTopic: TopicID? = nil,
      otherTopics: [TopicID] = [],
      keyFacts: [KeyFact] = [], keyFigures: [KeyFigureGroup] = [],
      reasons: Reasons = Reasons(sides: nil, topics: [], evidence: [], score: 0),
      alsoReportedBy: [Source] = [], rank: Double = 0
    ) {
      self.item = item
      self.title = title ?? item.title
      self.lead = lead
      self.primaryTopic = primaryTopic
      self.otherTopics = otherTopics
      self.keyFacts = keyFacts
      self.keyFigures = keyFigures
      self.reasons = reasons
      self.alsoReportedBy = alsoReportedBy
      self.rank = rank
    }

    /// The source of the item itself.
    public var source: Source {
      Source(
        name: item.feedTitle ?? DigestText.host(of: item.feedURL), feedURL: item.feedURL,
        link: item.url)
    }

    /// Its topics, the primary one first.
    public var topics: [TopicID] { (primaryTopic.map { [$0] } ?? []) + otherTopics }

    /// How many other topics renderers name; the rest are counted ("+4 more").
    static let tagsShown = 3
  }

  /// The stories filed under one topic (their primary topic), or under none of the digest's
  /// topics when `topic` is nil.
  public struct TopicSection: Sendable, Equatable {
    public var topic: TopicID?
    public var entries: [Entry]
  }

  /// A source that is failing or disabled at the time of writing.
  public struct FeedProblem: Sendable, Equatable {
    public var name: String
    public var url: String
    public var consecutiveFailures: Int
    public var lastError: String?
    public var disabledReason: String?
    /// The last poll was answered by the site's bot protection (`FeedState.isBlocked`).
    public var blocked = false
  }

  /// A mail of an earlier report that has not been delivered: its last attempt failed.
  public struct DeliveryProblem: Sendable, Equatable {
    /// The report, as a reader names it: "digest 2026-12-06".
    public var report: String
    public var recipient: String
    public var attempts: Int
    public var lastError: String
    /// No further attempt will be made.
    public var givenUp: Bool

    public init(report: String, recipient: String, attempts: Int, lastError: String, givenUp: Bool)
    {
      self.report = report
      self.recipient = recipient
      self.attempts = attempts
      self.lastError = lastError
      self.givenUp = givenUp
    }
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
  /// Every story once, under its primary topic, topics in the profile's order (stories without
  /// one of them last); the top stories are here too, renderers tell them only at the top.
  public var sections: [TopicSection]
  public var statistics: DigestStatistics
  public var feedProblems: [FeedProblem]
  /// Shown with the feed health: mails of earlier reports not delivered (set by the writer).
  public var deliveryProblems: [DeliveryProblem] = []

  /// The label day, `YYYY-MM-DD`.
  public var day: String { period.day }
  public var timeZone: TimeZone { period.timeZone }
  public var isEmpty: Bool { relevantCount == 0 }

  /// The stories of a section that the top list has not told, in rank order.
  func untold(_ section: TopicSection) -> [Entry] {
    let top = Set(topStories.map(\.item.id))
    return section.entries.filter { !top.contains($0.item.id) }
  }
}
