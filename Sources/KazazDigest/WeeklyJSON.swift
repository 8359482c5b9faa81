import Foundation
import KazazModel

/// The JSON form of a weekly report, schema version 1 (`Schema/weekly-v1.schema.json`). Keys are
/// snake_case; optional values are explicit `null`; dates are RFC 3339 in UTC; stories have the
/// daily digest's form (`DigestJSON.Story`), links only when they are http(s).
struct WeeklyJSON: Encodable {
  static let schemaVersion = 1

  struct Period: Encodable {
    var start: String
    var end: String
    var timeZone: String
  }

  struct TopicWeeks: Encodable {
    var id: String
    var name: String
    var counts: [Int]
    var thisWeek: Int
    var average: Double?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(name, forKey: .name)
      try container.encode(counts, forKey: .counts)
      try container.encode(thisWeek, forKey: .thisWeek)
      try container.encode(average, forKey: .average)
    }

    enum CodingKeys: String, CodingKey {
      case id, name, counts, average
      case thisWeek = "this_week"
    }
  }

  struct Outlet: Encodable {
    var name: String
    var feedURL: String
    var relevant: Int

    enum CodingKeys: String, CodingKey {
      case name, relevant
      case feedURL = "feed_url"
    }
  }

  struct Actor: Encodable {
    var name: String
    var kind: String
    var articles: Int
    var mentions: Int
  }

  struct Figure: Encodable {
    var subject: String
    var figures: [String]
    var storyID: Int64
    var title: String?
    var url: String?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(subject, forKey: .subject)
      try container.encode(figures, forKey: .figures)
      try container.encode(storyID, forKey: .storyID)
      try container.encode(title, forKey: .title)
      try container.encode(url, forKey: .url)
    }

    enum CodingKeys: String, CodingKey {
      case subject, figures, title, url
      case storyID = "story_id"
    }
  }

  var schemaVersion = WeeklyJSON.schemaVersion
  var week: String
  var language: String
  var period: Period
  var counts: DigestJSON.Counts
  var weeks: [String]
  var relevantPerWeek: [Int]
  var topStories: [DigestJSON.Story]
  var topics: [TopicWeeks]
  var outlets: [Outlet]
  var actors: [Actor]
  var figures: [Figure]
  var feedHealth: DigestJSON.FeedHealth
}

/// Renders a weekly report as JSON: sorted keys and stable number formatting, so the same report
/// always gives the same bytes.
public struct WeeklyJSONRenderer: Sendable {
  public init() {}

  public func render(_ report: WeeklyReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    // Plain structs of strings and numbers, non-finite numbers written as strings: encoding
    // cannot fail.
    let data = try! encoder.encode(document(report))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  func document(_ report: WeeklyReport) -> WeeklyJSON {
    let digest = report.digest
    let daily = JSONRenderer().document(digest)
    return WeeklyJSON(
      week: report.week, language: report.language.rawValue,
      period: .init(
        start: DigestText.rfc3339(digest.period.start), end: DigestText.rfc3339(digest.period.end),
        timeZone: digest.timeZone.identifier),
      counts: daily.counts, weeks: report.weeks, relevantPerWeek: report.relevantPerWeek,
      topStories: report.topStories.map { JSONRenderer().story($0, digest) },
      topics: report.topics.map {
        .init(
          id: $0.topic.rawValue, name: TopicNames.name($0.topic, in: report.language),
          counts: $0.counts, thisWeek: $0.current, average: report.average($0.previous))
      },
      outlets: report.outlets.map {
        .init(name: $0.name, feedURL: $0.feedURL, relevant: $0.relevantCount)
      },
      actors: report.actors.map {
        .init(name: $0.name, kind: $0.kind.rawValue, articles: $0.articles, mentions: $0.mentions)
      },
      figures: report.figures.map {
        .init(
          subject: $0.group.subject ?? "", figures: $0.group.figures, storyID: $0.story.item.id,
          title: $0.story.title, url: DigestText.webLink($0.story.item.url))
      },
      feedHealth: daily.feedHealth)
  }
}
