import Foundation
import KazazModel
import KazazStore
import KazazTesting
import Testing

@testable import KazazDigest

/// The weekly report built from a real store: the golden digest's articles (their day falls in
/// the week 2026-W48, two earlier ones in W47), plus people and organisations as stored key
/// facts, one of them hostile.
@Suite("Weekly report")
struct WeeklyReportTests {
  static let schemaFile = ProjectPaths.root().appendingPathComponent(
    "Sources/KazazDigest/Schema/weekly-v1.schema.json")
  static let almaty = GoldenDigestTests.almaty
  static let hostileName = "<script>alert(1)</script> | *Ministry*"

  static func local(_ text: String) -> Date {
    let parts = text.split(separator: " ")
    return GoldenDigestTests.local(String(parts[1]), on: String(parts[0]))
  }

  /// Monday 23 November 08:00 to Monday 30th 08:00; the four weeks before it end at its start.
  static let runs = [
    "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30",
  ]
  .map { local("\($0) 08:00") }
  static let weeks = ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"]

  /// People and organisations the profile would have found, per golden article.
  static let actors: [String: [KeyFact]] = [
    "ferries": [
      KeyFact(kind: .person, text: "Ilham Aliyev", count: 2),
      KeyFact(kind: .institution, text: "KTZ", count: 1),
    ],
    "turnover": [KeyFact(kind: .person, text: "Ilham Aliyev", count: 1)],
    "cable": [KeyFact(kind: .institution, text: hostileName, count: 3)],
  ]

  static func report(language: DigestLanguage = .en) throws -> WeeklyReport {
    let directory = try TemporaryDirectory()
    let store = try Store.open(path: directory.path("store.sqlite").path)
    let feeds = GoldenDigestTests.feeds
    let states = try store.registerFeeds(urls: feeds.map(\.0), now: local("2026-11-01 00:00"))
    for article in GoldenDigestTests.articles {
      var incoming = GoldenDigestTests.incoming(article)
      incoming.classification.keyFacts += actors[article.id] ?? []
      try store.commit(
        FeedPollResult(
          feedID: states[article.feed].id,
          checkedAt: GoldenDigestTests.local(article.seen, on: article.day),
          outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
          feedTitle: feeds[article.feed].1, items: [incoming]))
    }
    let period = DigestPeriod(day: weeks[4], start: runs[4], end: runs[5], timeZone: almaty)
    let counts = try store.itemCounts(boundaries: Array(runs))
    return WeeklyReportBuilder(language: language).build(
      period: period,
      relevant: try store.items(firstSeenFrom: period.start, to: period.end, relevantOnly: true),
      counts: counts[4], previous: zip(weeks, counts.prefix(4)).map { (week: $0.0, counts: $0.1) },
      feeds: try store.feeds())
  }

  @Test("The week's stories, topics against the four weeks before, outlets, people and figures")
  func contents() throws {
    let report = try Self.report()
    #expect(report.week == "2026-W48")
    #expect(report.weeks == Self.weeks)
    // Seven relevant articles, the two ferry reports merged into one story.
    #expect(report.digest.relevantCount == 7)
    #expect(report.topStories.count == 6)
    #expect(report.topStories.first?.alsoReportedBy.map(\.name) == ["Report.az"])
    #expect(report.relevantPerWeek == [0, 0, 0, 2, 7])
    let transport = try #require(report.topics.first { $0.topic.rawValue == "transport-logistics" })
    #expect(transport.counts == [0, 0, 0, 2, 2])
    // Weeks without any item (the monitor was not running) do not pull the average down.
    #expect(report.average(transport.previous) == 2.0)
    #expect(
      report.outlets.map(\.name) == ["Kazinform", "Trend", "APA", "Anadolu Ajansı", "Report.az"])
    #expect(report.outlets.map(\.relevantCount) == [2, 2, 1, 1, 1])
    #expect(report.actors.map(\.name) == ["Ilham Aliyev", Self.hostileName, "KTZ"])
    #expect(report.actors.map(\.articles) == [2, 1, 1])
    #expect(report.actors.map(\.mentions) == [3, 3, 1])
    #expect(report.figures.map { $0.group.subject ?? "" }.contains("товарооборот"))
    #expect(report.figures.allSatisfy { $0.group.subject != nil })
  }

  @Test(
    "The JSON validates against the weekly schema, in English and Russian",
    arguments: [DigestLanguage.en, .ru])
  func schema(_ language: DigestLanguage) throws {
    let validator = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaFile))
    let json = WeeklyJSONRenderer().render(try Self.report(language: language))
    #expect(validator.validate(try JSONValue.parse(Data(json.utf8))) == [])
    // The validator does check: a report with a broken week label fails.
    let broken = json.replacingOccurrences(
      of: "\"week\" : \"2026-W48\"", with: "\"week\" : \"W48\"")
    #expect(broken != json)
    #expect(!validator.validate(try JSONValue.parse(Data(broken.utf8))).isEmpty)
  }

  @Test(
    "Markdown, HTML and JSON of the fixed week are exactly the golden files",
    arguments: ["weekly.md", "weekly.html", "weekly.json"])
  func golden(_ name: String) throws {
    let report = try Self.report()
    let rendered =
      switch name {
      case "weekly.md": WeeklyMarkdownRenderer().render(report)
      case "weekly.html": WeeklyHTMLRenderer().render(report)
      default: WeeklyJSONRenderer().render(report)
      }
    try GoldenFile.check(rendered, against: name, in: GoldenDigestTests.folder)
  }

  @Test("The same store renders to the same bytes in every format")
  func deterministic() throws {
    let (first, second) = (try Self.report(), try Self.report())
    #expect(WeeklyMarkdownRenderer().render(first) == WeeklyMarkdownRenderer().render(second))
    #expect(WeeklyHTMLRenderer().render(first) == WeeklyHTMLRenderer().render(second))
    #expect(WeeklyJSONRenderer().render(first) == WeeklyJSONRenderer().render(second))
  }

  @Test("Feed text is escaped as in the daily digest; the chart is accessible without script")
  func htmlSafetyAndAccessibility() throws {
    let html = WeeklyHTMLRenderer().render(try Self.report())
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("default-src 'none'"))
    for href in html.components(separatedBy: "href=\"").dropFirst() {
      #expect(href.hasPrefix("https://") || href.hasPrefix("http://"))
    }
    // The chart names itself and carries its numbers as text, and the table repeats them.
    #expect(html.contains("aria-labelledby=\"weekly-topics-title weekly-topics-desc\""))
    #expect(
      html.contains(
        "<title id=\"weekly-topics-title\">Topics this week against the previous four weeks</title>"
      ))
    #expect(
      html.contains(
        "Transport, logistics and the Middle Corridor: 2 this week, 2.0 a week before (0, 0, 0, 2)"
      ))
    #expect(html.contains("<th class=\"num\">W47</th><th class=\"num\">This week</th>"))
    // The story cards are the daily digest's.
    #expect(html.contains("<article class=\"story\" id=\"story-"))

    let markdown = WeeklyMarkdownRenderer().render(try Self.report())
    #expect(!markdown.contains("<script"))
    #expect(
      markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*Ministry\\* (organisation)"))
    #expect(markdown.contains("| Ilham Aliyev (person) | 2 | 3 |"))
    #expect(
      markdown.contains(
        "\n- **товарооборот**: +40%, 500 млн долларов, 1 млрд долларов — [Товарооборот"))
  }

  @Test("A week without relevant items says so, and still shows the topic weeks and feed health")
  func emptyWeek() throws {
    let period = DigestPeriod(
      day: "2026-W49", start: Self.runs[5], end: Self.runs[5].addingTimeInterval(7 * 86_400),
      timeZone: Self.almaty)
    let report = WeeklyReportBuilder().build(
      period: period, relevant: [], counts: ItemCounts(total: 3), previous: [], feeds: [])
    let markdown = WeeklyMarkdownRenderer().render(report)
    #expect(markdown.contains("Nothing about Kazakhstan–Azerbaijan relations was found this week"))
    #expect(markdown.contains("## Feed health"))
    #expect(!markdown.contains("## Top stories"))
    let validator = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaFile))
    let json = WeeklyJSONRenderer().render(report)
    #expect(validator.validate(try JSONValue.parse(Data(json.utf8))) == [])
    #expect(WeeklyHTMLRenderer().render(report).contains("<p class=\"empty\">"))
  }
}
