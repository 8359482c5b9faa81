import Foundation
import KazazModel

@testable import KazazDigest

/// Digests for renderer tests: an ordinary day, a hostile one, an empty one.
enum DigestFixtures {
  static let almaty = TimeZone(identifier: "Asia/Almaty")!

  static let period = DigestPeriod(
    day: "2026-11-25", start: Date(timeIntervalSince1970: 1_795_489_200),
    end: Date(timeIntervalSince1970: 1_795_575_600), timeZone: almaty)

  static func item(
    _ id: Int64, title: String?, url: String? = nil, feed: String = "https://www.inform.kz/rss",
    feedTitle: String? = "Kazinform", text: String? = nil, topics: [String] = ["energy"],
    primary: String? = nil, language: Language = .en, score: Double = 10, relevant: Bool = true,
    keyFacts: [KeyFact]? = nil, evidence: [Evidence]? = nil
  ) -> StoredItem {
    StoredItem(
      id: id, feedTitle: feedTitle, feedURL: feed, title: title,
      url: url ?? "https://www.inform.kz/en/\(id)",
      text: text
        ?? "Kazakhstan and Azerbaijan signed an agreement worth $1.2 billion on the Trans-Caspian route. Trade grew by 15% this year.",
      publishedAt: Date(timeIntervalSince1970: 1_795_510_800),
      firstSeenAt: period.start.addingTimeInterval(3600),
      language: language, relevant: relevant, score: score,
      topics: topics.map(TopicID.init(rawValue:)), keyFacts: keyFacts ?? defaultFacts,
      primaryTopic: (primary ?? topics.first).map(TopicID.init(rawValue:)),
      evidence: evidence ?? defaultEvidence(topics))
  }

  /// The key facts of the default text, as the classifier stores them.
  static let defaultFacts = [
    KeyFact(
      kind: .money, text: "$1.2 billion", value: 1.2e9, currency: "USD", subject: "agreement"),
    KeyFact(kind: .percentage, text: "15%", value: 15, subject: "trade", direction: .up),
    KeyFact(kind: .person, text: "Ilham Aliyev", count: 1),
  ]

  /// Both sides in the headline and a term for each topic.
  static func defaultEvidence(_ topics: [String]) -> [Evidence] {
    [
      Evidence(kind: .kazakhstan, term: "kazakhstan*", region: .title, count: 1, contribution: 3),
      Evidence(kind: .azerbaijan, term: "azerbaijan*", region: .title, count: 1, contribution: 3),
    ]
      + topics.map {
        Evidence(
          kind: .topic(TopicID(rawValue: $0)), term: "trans caspian*", region: .lead, count: 1,
          contribution: 2)
      }
  }

  static let history: [DigestStatistics.Day] = (12...24).map { day in
    DigestStatistics.Day(
      day: "2026-11-\(day)",
      counts: ItemCounts(
        total: 20, relevant: day % 3 + 1, byTopic: [TopicID(rawValue: "energy"): 1],
        byLanguage: [.en: day % 3 + 1]))
  }

  static func build(
    _ items: [StoredItem], language: DigestLanguage = .en, feeds: [FeedState] = [],
    history: [DigestStatistics.Day] = history
  ) -> Digest {
    DigestBuilder(language: language).build(
      period: period, relevant: items.filter(\.relevant), counts: DigestBuilder.counts(of: items),
      history: history, feeds: feeds)
  }

  /// An ordinary day: three stories, one carried by two outlets, a failing feed.
  static var ordinary: Digest {
    build(
      [
        item(
          1, title: "Kazakhstan and Azerbaijan sign Trans-Caspian cable deal",
          topics: ["energy", "digital-telecom"], score: 20),
        item(
          2, title: "Kazakhstan and Azerbaijan sign Trans-Caspian cable deal!",
          url: "https://report.az/en/cable", feed: "https://report.az/rss", feedTitle: "Report.az",
          score: 12),
        item(
          3, title: "Товарооборот Казахстана и Азербайджана вырос на 20%",
          text:
            "Товарооборот между Казахстаном и Азербайджаном достиг 500 млн долларов, рост составил 20 процентов.",
          topics: ["trade-economy"], language: .ru, score: 15,
          keyFacts: [
            KeyFact(
              kind: .percentage, text: "20%", value: 20, subject: "товарооборот", direction: .up),
            KeyFact(
              kind: .money, text: "500 млн долларов", value: 5e8, currency: "USD",
              subject: "товарооборот"),
          ]),
        item(4, title: "Weather in Astana", relevant: false),
      ],
      feeds: [
        FeedState(id: 1, url: "https://www.inform.kz/rss", title: "Kazinform"),
        FeedState(
          id: 2, url: "https://broken.example/rss", title: "Broken <b>outlet</b>",
          consecutiveFailures: 4, lastError: "HTTP 503"),
        FeedState(id: 3, url: "https://gone.example/rss", disabledReason: "410 Gone"),
      ])
  }

  static let hostileTitle =
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) **bold** # not a heading"

  /// Feed strings written to attack each format.
  static var hostile: Digest {
    build(
      [
        item(
          1, title: hostileTitle, url: "javascript:alert(4)",
          feedTitle: "<iframe src=//evil.example>",
          text:
            "Body with </p><script>alert(5)</script> and \"quotes\" & ampersands. More words to make a real sentence here.",
          topics: ["energy"],
          keyFacts: [
            KeyFact(
              kind: .money, text: "$5", value: 5e6, currency: "USD",
              subject: "<script>alert(8)</script>"),
            KeyFact(kind: .money, text: "$∞", value: .infinity, currency: "USD"),
          ],
          evidence: [
            Evidence(
              kind: .topic(TopicID(rawValue: "energy")), term: "<img src=x onerror=alert(9)>*",
              region: .title, count: 1, contribution: .infinity)
          ]),
        item(2, title: "Data link", url: "data:text/html;base64,PHNjcmlwdD4=", topics: ["energy"]),
        item(
          3, title: "Broken out", url: "https://a.kz/x\")><script>alert(6)</script>",
          topics: ["energy"]),
      ],
      feeds: [
        FeedState(
          id: 1, url: "https://e.example/rss", title: "</li><script>alert(7)</script>",
          consecutiveFailures: 1, lastError: "<b>boom</b>")
      ])
  }

  static var empty: Digest {
    build([item(1, title: "Weather in Astana", relevant: false)], history: [])
  }
}
