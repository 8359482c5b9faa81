import Foundation

/// A stored item as digests and searches see it.
public struct StoredItem: Sendable, Equatable {
  public var id: Int64
  public var feedTitle: String?
  public var feedURL: String
  public var title: String?
  public var url: String?
  public var text: String
  public var publishedAt: Date?
  public var firstSeenAt: Date
  public var language: Language
  public var relevant: Bool
  public var score: Double
  public var topics: [TopicID]
  /// The topic the story is filed under in digests (one of `topics`), nil when it has none.
  public var primaryTopic: TopicID?
  /// Money, percentages, volumes, people and institutions the classifier found.
  public var keyFacts: [KeyFact]
  /// The classifier's strongest reasons (the store keeps the first few), strongest first: what
  /// digests show as why the item is there.
  public var evidence: [Evidence]
  /// The story the item belongs to (its lead item's id), when it shares one with other items.
  public var storyID: Int64?

  public init(
    id: Int64, feedTitle: String?, feedURL: String, title: String?, url: String?, text: String,
    publishedAt: Date?, firstSeenAt: Date, language: Language, relevant: Bool, score: Double,
    topics: [TopicID], keyFacts: [KeyFact] = [], storyID: Int64? = nil,
    primaryTopic: TopicID? = nil, evidence: [Evidence] = []
  ) {
    self.id = id
    self.feedTitle = feedTitle
    self.feedURL = feedURL
    self.title = title
    self.url = url
    self.text = text
    self.publishedAt = publishedAt
    self.firstSeenAt = firstSeenAt
    self.language = language
    self.relevant = relevant
    self.score = score
    self.topics = topics
    self.primaryTopic = primaryTopic
    self.keyFacts = keyFacts
    self.evidence = evidence
    self.storyID = storyID
  }
}
