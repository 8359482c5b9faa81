import Foundation

/// A feed as the store knows it: identity, HTTP validators and health.
public struct FeedState: Sendable, Equatable {
  public var id: Int64
  public var url: String
  public var title: String?
  public var etag: String?
  public var lastModified: String?
  public var lastStatus: Int?
  public var lastCheckedAt: Date?
  public var lastSuccessAt: Date?
  public var consecutiveFailures: Int
  public var lastErrorKind: String?
  public var lastError: String?
  public var itemCount: Int

  public init(
    id: Int64, url: String, title: String? = nil, etag: String? = nil, lastModified: String? = nil,
    lastStatus: Int? = nil, lastCheckedAt: Date? = nil, lastSuccessAt: Date? = nil,
    consecutiveFailures: Int = 0, lastErrorKind: String? = nil, lastError: String? = nil,
    itemCount: Int = 0
  ) {
    self.id = id
    self.url = url
    self.title = title
    self.etag = etag
    self.lastModified = lastModified
    self.lastStatus = lastStatus
    self.lastCheckedAt = lastCheckedAt
    self.lastSuccessAt = lastSuccessAt
    self.consecutiveFailures = consecutiveFailures
    self.lastErrorKind = lastErrorKind
    self.lastError = lastError
    self.itemCount = itemCount
  }
}

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

  public init(
    feedID: Int64, checkedAt: Date, outcome: Outcome, feedTitle: String? = nil,
    items: [IncomingItem] = []
  ) {
    self.feedID = feedID
    self.checkedAt = checkedAt
    self.outcome = outcome
    self.feedTitle = feedTitle
    self.items = items
  }
}

/// A parsed item ready to store, with its classification.
public struct IncomingItem: Sendable {
  public var item: ParsedItem
  public var canonicalURL: String?
  public var classification: Classification

  public init(item: ParsedItem, canonicalURL: String?, classification: Classification) {
    self.item = item
    self.canonicalURL = canonicalURL
    self.classification = classification
  }
}

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
  /// Money, percentages, people and institutions the classifier found.
  public var keyFacts: [KeyFact]

  public init(
    id: Int64, feedTitle: String?, feedURL: String, title: String?, url: String?, text: String,
    publishedAt: Date?, firstSeenAt: Date, language: Language, relevant: Bool, score: Double,
    topics: [TopicID], keyFacts: [KeyFact] = []
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
    self.keyFacts = keyFacts
  }
}
