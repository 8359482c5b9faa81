import Foundation
import KazazClassify
import KazazModel
import KazazText

/// Generated poll results: news items in English (a third) and Russian with Zipf-distributed
/// words, each outlet with its own host and URL scheme, 5% of items relevant, and some relevant
/// items republished by another outlet with a small edit (they join a story).
///
/// Items are indexed the way the daemon indexes them (KazazService.ItemIndexing): every item
/// gets normalised search text; only relevant items get a SimHash and distinctive key facts.
struct NewsGenerator {
  static let titleWords = 8
  static let bodyWords = 70
  /// One relevant item in this many is a republication of the previous relevant one.
  static let republishEvery = 20

  var random = Random(seed: 0x9E37_79B9_7F4A_7C15)
  var relevantCount = 0
  var lastRelevantBody: [String]?
  let topics = TopicID.all
  let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// Item number `id` as outlet `outlet` publishes it at `date`.
  mutating func item(_ id: Int, outlet: Int, at date: Date, datePath: String) -> IncomingItem {
    let language: Language = id % 3 == 0 ? .en : .ru
    let vocabulary = language == .en ? Vocabulary.english : Vocabulary.russian
    let relevant = random.below(20) == 0
    let title = (0..<Self.titleWords).map { _ in vocabulary.word(using: &random) }
    var body = (0..<Self.bodyWords).map { _ in vocabulary.word(using: &random) }
    if relevant {
      relevantCount += 1
      if relevantCount % Self.republishEvery == 0, var earlier = lastRelevantBody {
        earlier[random.below(earlier.count)] = vocabulary.word(using: &random)
        body = earlier
      }
      lastRelevantBody = body
    }
    let bodyText = body.joined(separator: " ")
    let link =
      outlet % 2 == 0
      ? "https://outlet\(outlet).example\(datePath)\(hex(random.next()))"
      : "https://outlet\(outlet).example/news/\(1_000_000 + random.below(9_000_000))"
    let guid = outlet % 3 == 0 ? "urn:outlet\(outlet):\(hex(random.next()))" : link
    let normalizedBody = TextNormalizer.normalize(bodyText)
    // Two distinctive figures per relevant item, as the classifier's key facts.
    let keyFacts =
      relevant
      ? [
        KeyFact(kind: .percentage, text: "\(id % 997).5%", value: Double(id % 997) + 0.5),
        KeyFact(
          kind: .money, text: "$\(100 + id % 89_989) thousand",
          value: Double(100 + id % 89_989) * 1000, currency: "USD"),
      ] : []
    return IncomingItem(
      item: ParsedItem(
        id: guid, title: title.joined(separator: " "), link: link, published: date,
        summary: bodyText),
      canonicalURL: CanonicalURL.make(link),
      classification: Classification(
        relevant: relevant, score: relevant ? 20 : 1, language: language,
        topics: relevant ? [topics[id % topics.count]] : [], evidence: [],
        profileVersion: "bench", keyFacts: keyFacts),
      fingerprint: relevant
        ? SimHash.fingerprint(words: normalizedBody.split(separator: " ")) : nil,
      searchText: TextNormalizer.normalize(title.joined(separator: " ")) + "\n" + normalizedBody)
  }

  /// "/2025/03/14/": the date part of the date-based URL scheme.
  func datePath(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return "/\(parts.year!)/\(parts.month!)/\(parts.day!)/"
  }

  private func hex(_ value: UInt64) -> String { String(value, radix: 16) }
}
