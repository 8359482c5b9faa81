import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazDigest

@Suite("Digests")
struct DigestTests {
  let almaty = TimeZone(identifier: "Asia/Almaty")!

  func item(
    _ id: Int64, title: String, url: String? = "https://a.kz/\(1)", relevant: Bool = true,
    topics: [String] = ["politics-diplomacy"], primary: String? = nil, score: Double = 10
  ) -> StoredItem {
    StoredItem(
      id: id, feedTitle: "Kazinform", feedURL: "https://www.inform.kz/rss", title: title, url: url,
      text:
        "Menu Home News\nASTANA. The presidents of Kazakhstan and Azerbaijan held talks on trade and transit. They signed six documents.",
      publishedAt: Date(timeIntervalSince1970: 1_681_132_565),
      firstSeenAt: Date(timeIntervalSince1970: 1_764_000_000),
      language: .en, relevant: relevant, score: score, topics: topics.map(TopicID.init(rawValue:)),
      primaryTopic: primary.map(TopicID.init(rawValue:)))
  }

  func render(_ items: [StoredItem], feeds: [FeedState] = []) -> String {
    let period = DigestPeriod.day(named: "2025-11-24", in: almaty)!
    return MarkdownRenderer().render(
      DigestBuilder().build(period: period, items: items, feeds: feeds))
  }

  func occurrences(of text: String, in markdown: String) -> Int {
    markdown.components(separatedBy: text).count - 1
  }

  @Test("Each story is told once: top stories, then the rest under their primary topic")
  func sections() throws {
    let markdown = render([
      item(
        1, title: "Trade talks", topics: ["trade-economy", "politics-diplomacy"],
        primary: "trade-economy", score: 5),
      item(2, title: "Energy deal", topics: ["energy"], score: 20),
      item(
        3, title: "Pipeline news", topics: ["energy", "politics-diplomacy"], primary: "energy",
        score: 8),
      item(4, title: "Ferry plans", topics: ["transport-logistics"], score: 4),
      item(5, title: "Weather", relevant: false),
    ])
    #expect(markdown.contains("**4** relevant of 5 new items"))
    for title in ["Trade talks", "Energy deal", "Pipeline news", "Ferry plans"] {
      #expect(occurrences(of: title, in: markdown) == 1, "\(title)")
    }
    #expect(!markdown.contains("Weather"))
    // Four stories: the best two at the top, with all their topics, the primary one first.
    let top = try #require(markdown.range(of: "## Top stories"))
    let trade = try #require(markdown.range(of: "## Trade and economy (1)"))
    let transport = try #require(
      markdown.range(of: "## Transport, logistics and the Middle Corridor (1)"))
    #expect(top.upperBound < trade.lowerBound && trade.upperBound < transport.lowerBound)
    let energy = try #require(markdown.range(of: "Energy deal"))
    let pipeline = try #require(markdown.range(of: "Pipeline news"))
    #expect(energy.upperBound < pipeline.lowerBound && pipeline.upperBound < trade.lowerBound)
    #expect(markdown.contains("   - Topics: Energy; also Politics and diplomacy\n"))
    // Under its topic's heading a story lists only its other topics.
    #expect(markdown.contains("  - Other topics: Politics and diplomacy\n"))
    #expect(!markdown.contains("## Energy") && !markdown.contains("## Politics and diplomacy"))
    #expect(
      markdown.contains(
        "> The presidents of Kazakhstan and Azerbaijan held talks on trade and transit. They signed six documents.\n"
      ))
    #expect(!markdown.contains("Menu Home"))
    #expect(markdown.contains("2023-04-10 19:16"))  // local time: Almaty was UTC+6 in 2023
  }

  @Test("A relevant story under none of the digest's topics is filed under \"Other stories\"")
  func otherStories() {
    let markdown = render([
      item(1, title: "Talks held", topics: ["energy"], score: 9),
      item(2, title: "Untopical", topics: [], score: 8),
    ])
    #expect(markdown.contains("## Other stories (1)\n\n- **[Untopical]"))
  }

  @Test("Stories rank by score, the outlets that carried them and how recent they are")
  func ranking() throws {
    let end = Date(timeIntervalSince1970: 1_764_086_400)
    var fresh = item(1, title: "Fresh", score: 10)
    fresh.publishedAt = end
    fresh.firstSeenAt = end
    var dayOld = fresh
    dayOld.publishedAt = end.addingTimeInterval(-86_400)
    #expect(StoryRanking.rank(of: fresh, outlets: 1, periodEnd: end) == 10)
    #expect(StoryRanking.rank(of: dayOld, outlets: 1, periodEnd: end) == 7.5)
    #expect(
      abs(StoryRanking.rank(of: fresh, outlets: 3, periodEnd: end) - 10 * (1 + log(3))) < 1e-9)
    // A publication date after the first sighting counts from the sighting.
    var future = fresh
    future.publishedAt = end.addingTimeInterval(86_400 * 365)
    future.firstSeenAt = end.addingTimeInterval(-86_400)
    #expect(StoryRanking.rank(of: future, outlets: 1, periodEnd: end) == 7.5)
    // Carried by two outlets, a weaker item outranks a stronger one carried by one.
    let period = DigestPeriod.day(named: "2025-11-24", in: almaty)!
    var shared = item(10, title: "Caspian ferry line opens between Aktau and Alat", score: 10)
    var copy = shared
    copy.id = 11
    copy.feedURL = "https://report.az/rss"
    copy.feedTitle = "Report.az"
    copy.score = 9
    shared.url = "https://a.kz/ferry"
    let single = item(12, title: "Energy talks", score: 15)
    let digest = DigestBuilder().build(period: period, items: [single, shared, copy], feeds: [])
    #expect(digest.stories.map(\.item.id) == [10, 12])
    #expect(digest.stories.first?.alsoReportedBy.map(\.name) == ["Report.az"])
  }

  @Test("An empty day says so plainly")
  func emptyDay() {
    let markdown = render([item(1, title: "Weather", relevant: false)])
    #expect(
      markdown.contains("Nothing about Kazakhstan–Azerbaijan relations was found in this period"))
    #expect(!markdown.contains("## Top stories"))
  }

  @Test("Hostile titles and links are inert")
  func hostile() {
    let markdown = render([
      item(
        1, title: "<script>alert(1)</script> [click](javascript:alert(1)) **bold**",
        url: "javascript:alert(1)"),
      item(2, title: "Fine", url: "https://a.kz/x)](javascript:alert(2)"),
    ])
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("&lt;script&gt;"))
    // Every real link destination is http(s); any other "](" is escaped text.
    var searchStart = markdown.startIndex
    while let link = markdown.range(of: "](", range: searchStart..<markdown.endIndex) {
      let escaped =
        link.lowerBound > markdown.startIndex
        && markdown[markdown.index(before: link.lowerBound)] == "\\"
      #expect(escaped || markdown[link.upperBound...].hasPrefix("https://"))
      searchStart = link.upperBound
    }
    #expect(markdown.contains("\\[click\\]"))
    #expect(markdown.contains("\\*\\*bold\\*\\*"))
    #expect(markdown.contains("(https://a.kz/x%29]%28javascript:alert%282%29)"))
  }

  @Test("Failing feeds are listed in the feed-health block")
  func feedHealth() {
    let failing = FeedState(
      id: 1, url: "https://b.az/rss", title: "B.az", consecutiveFailures: 3, lastError: "HTTP 503")
    let markdown = render([], feeds: [failing, FeedState(id: 2, url: "https://a.kz/rss")])
    #expect(markdown.contains("- B.az: failing for 3 polls — HTTP 503"))
  }

  @Test("A feed blocked by its site's bot protection says so, in the digest's language")
  func blockedFeed() {
    let blocked = FeedState(
      id: 1, url: "https://b.az/rss", title: "B.az", consecutiveFailures: 1,
      lastErrorKind: FeedState.blockedErrorKind,
      lastError:
        "blocked by the site's bot protection (Cloudflare challenge, HTTP 403) from https://b.az/rss"
    )
    let period = DigestPeriod.day(named: "2025-11-24", in: almaty)!
    let english = render([], feeds: [blocked])
    #expect(
      english.contains(
        "- B.az: failing for 1 polls — blocked by the site's bot protection "
          + "(Cloudflare challenge, HTTP 403) from https://b.az/rss"))
    let russian = MarkdownRenderer().render(
      DigestBuilder(language: .ru).build(period: period, items: [], feeds: [blocked]))
    #expect(
      russian.contains("— заблокирован защитой сайта от ботов (Cloudflare challenge, HTTP 403)"))
    // The same message under another kind is an ordinary error line.
    var other = blocked
    other.lastErrorKind = "http.403"
    #expect(
      !MarkdownRenderer().render(
        DigestBuilder(language: .ru).build(period: period, items: [], feeds: [other])
      ).contains("заблокирован"))
  }

  @Test("Days in a time zone, including a DST change")
  func periods() {
    let day = DigestPeriod.day(named: "2025-11-24", in: almaty)!
    #expect(day.end.timeIntervalSince(day.start) == 86_400)
    #expect(DigestPeriod.day(named: "2025-02-30", in: almaty) == nil)
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let spring = DigestPeriod.day(named: "2025-03-30", in: berlin)!
    #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3600)
    #expect(
      DigestPeriod.day(containing: day.start.addingTimeInterval(-1), in: almaty).day == "2025-11-23"
    )
  }
}

@Suite("Atomic file writes")
struct AtomicFileWriterTests {
  @Test("The file is replaced whole and no temporary file is left")
  func replace() throws {
    let directory = try TemporaryDirectory()
    let target = directory.path("out/digest.md")
    try AtomicFileWriter.write(Data("first".utf8), to: target)
    try AtomicFileWriter.write(Data("second".utf8), to: target)
    #expect(try String(contentsOf: target, encoding: .utf8) == "second")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path("out").path)
    #expect(names == ["digest.md"])
  }

  @Test("A write into a read-only folder fails with the path and reason")
  func failure() throws {
    guard getuid() != 0 else { return }  // root ignores permissions
    let directory = try TemporaryDirectory()
    let locked = directory.path("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    chmod(locked.path, 0o500)
    defer { chmod(locked.path, 0o700) }
    #expect(throws: AtomicFileWriter.Failure.self) {
      try AtomicFileWriter.write(Data("x".utf8), to: locked.appendingPathComponent("f"))
    }
  }
}
