import ArgumentParser
import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import KazazParse
import KazazService
import KazazStore

struct SearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the stored items (Cyrillic and Latin; case, ё and diacritics ignored).",
    discussion: "Every word must match, as a prefix: `казахстан` finds Казахстана and Казахстаном.")

  @OptionGroup var options: ConfigOptions

  @Argument(help: "The words to search for.")
  var query: [String]

  @Option(help: "Only items with this topic (e.g. energy, transport-logistics).")
  var topic: String?

  @Option(help: "Only items first seen on or after this day (YYYY-MM-DD, digest time zone).")
  var since: String?

  @Flag(help: "Only items classified relevant.")
  var relevant = false

  @Option(help: "At most this many results.")
  var limit = 50

  @Flag(help: "One JSON object per line.")
  var json = false

  func run() async throws {
    let config = try options.load()
    if let topic, !TopicID.isKnown(topic) {
      throw ValidationError(
        "unknown topic \"\(topic)\" (one of: \(TopicID.all.map(\.rawValue).joined(separator: ", ")))"
      )
    }
    var sinceDate: Date?
    if let since {
      guard let day = DigestPeriod.day(named: since, in: config.digest.timeZone) else {
        throw ValidationError("--since: expected YYYY-MM-DD, found \"\(since)\"")
      }
      sinceDate = day.start
    }
    let monitor = try Monitor.openForQueries(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    let results = try monitor.search(
      query.joined(separator: " "), topic: topic.map(TopicID.init(rawValue:)), since: sinceDate,
      relevantOnly: relevant, limit: limit)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    for item in results {
      if json {
        let line = SearchResultJSON(item)
        sayJSON(String(decoding: try encoder.encode(line), as: UTF8.self))
      } else {
        let mark = item.relevant ? "★" : " "
        let date =
          item.publishedAt.map { CivilTime.rfc3339($0) } ?? CivilTime.rfc3339(item.firstSeenAt)
        say("\(mark) \(date)  \(item.title.terminalSafe(or: "(untitled)"))")
        say(
          "    \((item.url ?? item.feedURL).terminalSafe)  "
            + "[\(item.topics.map(\.rawValue).joined(separator: ", "))]")
      }
    }
    if results.isEmpty && !json { printError("no items match") }
  }
}

struct SearchResultJSON: Encodable {
  var title: String?
  var url: String?
  var feed: String
  var published: Date?
  var firstSeen: Date
  var relevant: Bool
  var score: Double
  var language: String
  var topics: [String]

  init(_ item: StoredItem) {
    title = item.title
    url = item.url
    feed = item.feedURL
    published = item.publishedAt
    firstSeen = item.firstSeenAt
    relevant = item.relevant
    score = item.score
    language = item.language.rawValue
    topics = item.topics.map(\.rawValue)
  }

  enum CodingKeys: String, CodingKey {
    case title, url, feed, published, relevant, score, language, topics
    case firstSeen = "first_seen"
  }
}
