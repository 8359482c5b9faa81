import Foundation
import KazazClassify
import KazazModel
import KazazStore
import KazazTesting
import Testing

@testable import KazazDigest

/// The digest as a reader sees it, pinned byte for byte: a store built from fixed articles
/// written for this test (English, Russian, Azerbaijani, Kazakh, Turkish; datelines, credits,
/// a headline in capitals, a story two outlets carried, figures, hostile characters) at fixed
/// times, rendered to Markdown, HTML and JSON, and compared with `Golden/`.
///
/// After an intended change, regenerate the files and read the diff before committing it:
///
///     KAZAZ_UPDATE_GOLDEN=1 swift test --filter GoldenDigestTests
@Suite("Golden digests")
struct GoldenDigestTests {
  static let folder = ProjectPaths.root().appendingPathComponent("Tests/KazazDigestTests/Golden")
  static let almaty = TimeZone(identifier: "Asia/Almaty")!
  static let day = "2026-11-25"

  /// A fixed local time in Almaty on `day` (or another day).
  static func local(_ time: String, on day: String = day) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = almaty
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: "\(day) \(time)") ?? Date(timeIntervalSince1970: 0)
  }

  struct Article {
    var feed: Int
    var id: String
    var title: String
    var text: String
    var published: String
    var seen: String
    var language: Language
    var relevant = true
    var score = 10.0
    /// Topic and score, strongest first.
    var topics: [(String, Double)] = []
    var evidence: [Evidence] = []
    var day = GoldenDigestTests.day
  }

  static let feeds = [
    ("https://trend.az/feeds/en.rss", "Trend"), ("https://www.inform.kz/rss/ru.xml", "Kazinform"),
    ("https://report.az/rss/", "Report.az"), ("https://apa.az/az/rss", "APA"),
    ("https://www.aa.com.tr/tr/rss/default?cat=dunya", "Anadolu Ajansı"),
  ]

  static func evidence(_ kind: EvidenceKind, _ term: String, _ region: TextRegion, _ weight: Double)
    -> Evidence
  {
    Evidence(kind: kind, term: term, region: region, count: 1, contribution: weight)
  }

  static func topic(_ id: String) -> EvidenceKind { .topic(TopicID(rawValue: id)) }

  static let articles: [Article] = [
    Article(
      feed: 0, id: "ferries",
      title: "KAZAKHSTAN AND AZERBAIJAN TO ADD FERRIES ON THE TRANS-CASPIAN ROUTE - Trend.az",
      text: """
        25.11.2026, 10:15
        Photo: Trend
        BAKU, Azerbaijan, Nov. 25. Kazakhstan and Azerbaijan agreed to add four ferries between \
        the ports of Aktau and Alat, Trend reports. Cargo transit on the route reached 3.1 million \
        tonnes in ten months, up 62.5% year on year. The ministers also discussed a joint terminal.
        """, published: "10:15", seen: "10:20", language: .en, score: 30,
      topics: [("transport-logistics", 14.5), ("trade-economy", 4), ("politics-diplomacy", 3)],
      evidence: [
        evidence(.kazakhstan, "kazakhstan*", .title, 3),
        evidence(.azerbaijan, "azerbaijan*", .title, 3),
        evidence(topic("transport-logistics"), "ferr*", .title, 6),
        evidence(topic("transport-logistics"), "trans caspian*", .title, 4.5),
        evidence(topic("transport-logistics"), "cargo transit", .lead, 4),
        evidence(topic("trade-economy"), "terminal*", .body, 4),
        evidence(topic("politics-diplomacy"), "minister*", .body, 3),
      ]),
    Article(
      feed: 2, id: "ferries-report",
      title: "Kazakhstan and Azerbaijan to add ferries on the Trans-Caspian route",
      text: """
        Baku, November 25 (Report) – Kazakhstan and Azerbaijan will put four more ferries on the \
        line between Aktau and Alat, the transport ministries said.
        """, published: "11:02", seen: "11:05", language: .en, score: 22,
      topics: [("transport-logistics", 9)],
      evidence: [
        evidence(.kazakhstan, "kazakhstan*", .title, 3),
        evidence(.azerbaijan, "azerbaijan*", .title, 3),
        evidence(topic("transport-logistics"), "ferr*", .title, 6),
      ]),
    Article(
      feed: 1, id: "turnover",
      title: "Товарооборот Казахстана и Азербайджана вырос на 40% — Новости Казахстана",
      text: """
        Астана. 25 ноября. KAZINFORM - Объем двустороннего товарооборота Казахстана и \
        Азербайджана за десять месяцев вырос на 40%, достигнув полумиллиарда долларов, сообщает \
        Kazinform. По словам министра торговли, этот показатель может быть увеличен до \
        1 миллиарда долларов к 2030 г. Стороны также обсудили создание совместного \
        инвестиционного фонда с капиталом в 300 млн долларов.
        Автор: Айгуль Сарсенова
        """, published: "09:40", seen: "09:45", language: .ru, score: 25,
      topics: [("trade-economy", 12), ("investment-finance", 5)],
      evidence: [
        evidence(.kazakhstan, "казахстан*", .title, 3),
        evidence(.azerbaijan, "азербайджан*", .title, 3),
        evidence(topic("trade-economy"), "товарооборот*", .title, 6),
        evidence(topic("investment-finance"), "инвестиционн* фонд*", .body, 2),
      ]),
    Article(
      feed: 3, id: "oil",
      title: "Azərbaycan və Qazaxıstan neft tranzitini artırır",
      text: """
        Bakı. 25 noyabr. APA: Qazaxıstan neftinin Azərbaycan ərazisindən tranziti 2026-cı ildə \
        2,2 milyon tona çatacaq, APA xəbər verir. Bu, ötən illə müqayisədə 15,8% çoxdur.
        """, published: "12:30", seen: "12:31", language: .az, score: 18,
      topics: [("energy", 8)],
      evidence: [
        evidence(.azerbaijan, "azerbaycan*", .title, 3),
        evidence(.kazakhstan, "qazaxistan*", .title, 3),
        evidence(topic("energy"), "neft*", .title, 5),
        evidence(topic("energy"), "tranzit*", .title, 2),
      ]),
    Article(
      feed: 1, id: "culture",
      title: "Қазақстан мен Әзірбайжан мәдениет күндерін өткізеді",
      text: """
        Астана, 25 қараша. ҚазАқпарат – Бакуде Қазақстан мәдениеті күндері ашылды. Іс-шараға екі \
        елдің мәдениет министрлері қатысты.
        Сурет: Ақорда
        """, published: "14:00", seen: "14:05", language: .kk, score: 12,
      topics: [("culture-humanitarian", 6)],
      evidence: [
        evidence(.kazakhstan, "казакстан*", .title, 3),
        evidence(.azerbaijan, "азербайжан*", .title, 3),
        evidence(topic("culture-humanitarian"), "мәдениет*", .title, 4),
      ]),
    Article(
      feed: 4, id: "agreement",
      title: "Azerbaycan ve Kazakistan arasında yeni anlaşma | Anadolu Ajansı",
      text: """
        Ankara, 25 Kasım (AA) - Azerbaycan ve Kazakistan, Bakü'de düzenlenen toplantıda yeni bir \
        işbirliği anlaşması imzaladı. Ticaret hacmi %14,3 arttı.
        """, published: "15:10", seen: "15:12", language: .tr, score: 9,
      evidence: [
        evidence(.azerbaijan, "azerbaycan*", .title, 3),
        evidence(.kazakhstan, "kazakistan*", .lead, 2),
      ]),
    Article(
      feed: 0, id: "cable",
      title: "Astana & Baku discuss <digital> corridor",
      text: """
        ASTANA – Officials discussed a fibre-optic cable under the Caspian Sea worth $120 million.
        By John Smith
        """, published: "16:45", seen: "16:50", language: .en, score: 8,
      topics: [("digital-telecom", 5), ("politics-diplomacy", 1.5)],
      evidence: [
        evidence(.kazakhstan, "astana", .title, 2.4), evidence(.azerbaijan, "baku", .title, 2.4),
        evidence(topic("digital-telecom"), "fibre optic*", .lead, 4),
      ]),
    Article(
      feed: 0, id: "snow", title: "Snow closes roads near Astana",
      text: "Heavy snow closed several roads.", published: "07:00", seen: "07:05", language: .en,
      relevant: false, score: 0.5),
    // Earlier days, for the statistics and the trend.
    Article(
      feed: 1, id: "earlier-1", title: "Министры обсудили транзит", text: "Транзит растет.",
      published: "12:00", seen: "12:00", language: .ru, topics: [("transport-logistics", 3)],
      day: "2026-11-20"),
    Article(
      feed: 0, id: "earlier-2", title: "Ministers discuss transit", text: "Transit grows.",
      published: "12:00", seen: "12:00", language: .en, topics: [("transport-logistics", 3)],
      day: "2026-11-22"),
  ]

  static func incoming(_ article: Article) -> IncomingItem {
    let topics = article.topics.map { TopicID(rawValue: $0.0) }
    let scores = Dictionary(
      uniqueKeysWithValues: article.topics.map { (TopicID(rawValue: $0.0), $0.1) })
    let link =
      "\(feeds[article.feed].0.split(separator: "/").prefix(2).joined(separator: "//"))/\(article.id)"
    return IncomingItem(
      item: ParsedItem(
        id: article.id, title: article.title, link: link,
        published: local(article.published, on: article.day), summary: article.text),
      canonicalURL: link,
      classification: Classification(
        relevant: article.relevant, score: article.score, language: article.language,
        topics: topics, evidence: article.evidence, profileVersion: "golden",
        topicScores: scores, keyFacts: AmountExtractor.facts(in: article.text),
        primaryTopic: PrimaryTopic.choose(from: topics, scores: scores)))
  }

  /// The store and the digest of `day` built from it.
  static func digest() throws -> Digest {
    let directory = try TemporaryDirectory()
    let store = try Store.open(path: directory.path("store.sqlite").path)
    let states = try store.registerFeeds(
      urls: feeds.map(\.0), now: local("00:00", on: "2026-11-01"))
    for article in articles {
      try store.commit(
        FeedPollResult(
          feedID: states[article.feed].id, checkedAt: local(article.seen, on: article.day),
          outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
          feedTitle: feeds[article.feed].1, items: [incoming(article)]))
    }
    // A feed that fails, for the feed-health block.
    try store.commit(
      FeedPollResult(
        feedID: states[4].id, checkedAt: local("20:00"),
        outcome: .failed(kind: "http", message: "HTTP 503", status: 503)))
    guard let period = DigestPeriod.day(named: day, in: almaty) else {
      throw CocoaError(.coderInvalidValue)
    }
    let days = (1...DigestStatistics.trendDays).reversed().compactMap {
      DigestPeriod.label(day, plusDays: -$0, in: almaty)
    }
    let starts = days.compactMap { DigestPeriod.day(named: $0, in: almaty)?.start }
    let history = zip(days, try store.itemCounts(boundaries: starts + [period.start])).map {
      DigestStatistics.Day(day: $0.0, counts: $0.1)
    }
    let counts = try store.itemCounts(boundaries: [period.start, period.end]).first ?? ItemCounts()
    return DigestBuilder().build(
      period: period,
      relevant: try store.items(firstSeenFrom: period.start, to: period.end, relevantOnly: true),
      counts: counts, history: history, feeds: try store.feeds())
  }

  @Test(
    "Markdown, HTML and JSON of a fixed store are exactly the golden files",
    arguments: ["digest.md", "digest.html", "digest.json"])
  func golden(_ name: String) throws {
    let digest = try Self.digest()
    let rendered =
      switch name {
      case "digest.md": MarkdownRenderer().render(digest)
      case "digest.html": HTMLRenderer().render(digest)
      default: JSONRenderer().render(digest)
      }
    // The same data renders to the same bytes.
    #expect(rendered == (try Self.digest()).render(name))
    try GoldenFile.check(rendered, against: name, in: Self.folder)
  }
}

extension Digest {
  fileprivate func render(_ name: String) -> String {
    switch name {
    case "digest.md": MarkdownRenderer().render(self)
    case "digest.html": HTMLRenderer().render(self)
    default: JSONRenderer().render(self)
    }
  }
}
