import Foundation
import KazazModel

/// The JSON form of a digest, schema version 2 (`Schema/digest-v2.schema.json`). Keys are
/// snake_case; optional values are explicit `null`; dates are RFC 3339 in UTC; links are present
/// only when they are http(s) (otherwise `null`). Add fields freely within a version; renaming or
/// removing one is a new `schema_version`.
///
/// Version 2 (from version 1): `topics[].story_ids` lists each story once, under its primary
/// topic; stories carry `primary_topic`, `tags`, `rank`, `key_facts` and `why`, and
/// `key_figures` are grouped by what they quantify.
struct DigestJSON: Encodable {
  static let schemaVersion = 2

  struct Period: Encodable {
    var start: String
    var end: String
    var timeZone: String
    var partial: Bool
  }

  struct Counts: Encodable {
    var newItems: Int
    var relevant: Int
    var feeds: Int
  }

  struct Source: Encodable {
    var name: String
    var feedURL: String
    var url: String?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(feedURL, forKey: .feedURL)
      try container.encode(url, forKey: .url)
    }

    enum CodingKeys: String, CodingKey {
      case name, url
      case feedURL = "feed_url"
    }
  }

  struct Story: Encodable {
    var id: Int64
    var title: String?
    var originalTitle: String?
    var url: String?
    var source: Source
    var published: String?
    var firstSeen: String
    var language: String
    var score: Double
    var rank: Double
    var primaryTopic: String?
    var topics: [String]
    var tags: [String]
    var lead: String
    var keyFigures: [String]
    var keyFacts: [Fact]
    var why: Why
    var alsoReportedBy: [Source]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(title, forKey: .title)
      try container.encode(originalTitle, forKey: .originalTitle)
      try container.encode(url, forKey: .url)
      try container.encode(source, forKey: .source)
      try container.encode(published, forKey: .published)
      try container.encode(firstSeen, forKey: .firstSeen)
      try container.encode(language, forKey: .language)
      try container.encode(score, forKey: .score)
      try container.encode(rank, forKey: .rank)
      try container.encode(primaryTopic, forKey: .primaryTopic)
      try container.encode(topics, forKey: .topics)
      try container.encode(tags, forKey: .tags)
      try container.encode(lead, forKey: .lead)
      try container.encode(keyFigures, forKey: .keyFigures)
      try container.encode(keyFacts, forKey: .keyFacts)
      try container.encode(why, forKey: .why)
      try container.encode(alsoReportedBy, forKey: .alsoReportedBy)
    }

    enum CodingKeys: String, CodingKey {
      case id, title, url, source, published, language, score, rank, topics, tags, lead, why
      case firstSeen = "first_seen"
      case originalTitle = "original_title"
      case primaryTopic = "primary_topic"
      case keyFigures = "key_figures"
      case keyFacts = "key_facts"
      case alsoReportedBy = "also_reported_by"
    }
  }

  /// A key fact as stored: a figure with what it quantifies.
  struct Fact: Encodable {
    var kind: String
    var text: String
    var value: Double?
    var currency: String?
    var unit: String?
    var subject: String?
    var direction: String?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(text, forKey: .text)
      try container.encode(value, forKey: .value)
      try container.encode(currency, forKey: .currency)
      try container.encode(unit, forKey: .unit)
      try container.encode(subject, forKey: .subject)
      try container.encode(direction, forKey: .direction)
    }

    enum CodingKeys: String, CodingKey {
      case kind, text, value, currency, unit, subject, direction
    }
  }

  /// Why a story is here: where both sides are named, each topic's words, the evidence.
  struct Why: Encodable {
    struct TopicTerms: Encodable {
      var topic: String
      var terms: [String]
    }

    struct Reason: Encodable {
      var kind: String
      var term: String
      var region: String
      var count: Int
      var contribution: Double
    }

    var summary: String?
    var sides: String?
    var topics: [TopicTerms]
    var evidence: [Reason]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(summary, forKey: .summary)
      try container.encode(sides, forKey: .sides)
      try container.encode(topics, forKey: .topics)
      try container.encode(evidence, forKey: .evidence)
    }

    enum CodingKeys: String, CodingKey { case summary, sides, topics, evidence }
  }

  struct Topic: Encodable {
    var id: String
    var name: String
    var storyIDs: [Int64]

    enum CodingKeys: String, CodingKey {
      case id, name
      case storyIDs = "story_ids"
    }
  }

  struct Figure: Encodable {
    var key: String?
    var count: Int
    var average: Double?
    var spike: Bool

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      if let key { try container.encode(key, forKey: .key) }
      try container.encode(count, forKey: .count)
      try container.encode(average, forKey: .average)
      try container.encode(spike, forKey: .spike)
    }

    enum CodingKeys: String, CodingKey { case key = "id", count, average, spike }
  }

  struct TrendPoint: Encodable {
    var day: String
    var relevant: Int
  }

  struct Statistics: Encodable {
    var newItems: Figure
    var relevant: Figure
    var topics: [Figure]
    var languages: [Figure]
    var trend: [TrendPoint]
    var baselineDays: Int
  }

  struct FeedProblem: Encodable {
    var name: String
    var url: String
    var consecutiveFailures: Int
    var lastError: String?
    var disabledReason: String?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(url, forKey: .url)
      try container.encode(consecutiveFailures, forKey: .consecutiveFailures)
      try container.encode(lastError, forKey: .lastError)
      try container.encode(disabledReason, forKey: .disabledReason)
    }

    enum CodingKeys: String, CodingKey {
      case name, url
      case consecutiveFailures = "consecutive_failures"
      case lastError = "last_error"
      case disabledReason = "disabled_reason"
    }
  }

  struct FeedHealth: Encodable {
    var feeds: Int
    var problems: [FeedProblem]
  }

  var schemaVersion = DigestJSON.schemaVersion
  var day: String
  var language: String
  var period: Period
  var counts: Counts
  var topStories: [Int64]
  var stories: [Story]
  var topics: [Topic]
  var statistics: Statistics
  var feedHealth: FeedHealth
}
