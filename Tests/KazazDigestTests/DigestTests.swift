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
    topics: [String] = ["politics-diplomacy"], score: Double = 10
  ) -> StoredItem {
    StoredItem(
      id: id, feedTitle: "Kazinform", feedURL: "https://www.inform.kz/rss", title: title, url: url,
      text:
        "Menu Home News\nASTANA. The presidents of Kazakhstan and Azerbaijan held talks on trade and transit. They signed six documents.",
      publishedAt: Date(timeIntervalSince1970: 1_681_132_565),
      firstSeenAt: Date(timeIntervalSince1970: 1_764_000_000),
      language: .en, relevant: relevant, score: score, topics: topics.map(TopicID.init(rawValue:)))
  }

  func render(_ items: [StoredItem], feeds: [FeedState] = []) -> String {
    let period = DigestPeriod.day(named: "2025-11-24", in: almaty)!
    return MarkdownRenderer().render(
      DigestBuilder().build(period: period, items: items, feeds: feeds))
  }

  @Test("Sections per topic in profile order, top stories by score, leads from prose")
  func sections() {
    let markdown = render([
      item(1, title: "Trade talks", topics: ["trade-economy", "politics-diplomacy"], score: 5),
      item(2, title: "Energy deal", topics: ["energy"], score: 20),
      item(3, title: "Weather", relevant: false),
    ])
    #expect(markdown.contains("**2** relevant of 3 new items"))
    let top = markdown.range(of: "## Top stories")!.upperBound
    let energy = markdown.range(of: "Energy deal", range: top..<markdown.endIndex)!
    let trade = markdown.range(of: "Trade talks", range: top..<markdown.endIndex)!
    #expect(energy.lowerBound < trade.lowerBound)
    let politics = markdown.range(of: "## Politics and diplomacy (1)")!
    let tradeSection = markdown.range(of: "## Trade and economy (1)")!
    let energySection = markdown.range(of: "## Energy (1)")!
    #expect(
      politics.lowerBound < tradeSection.lowerBound
        && tradeSection.lowerBound < energySection.lowerBound)
    #expect(
      markdown.contains(
        "> ASTANA. The presidents of Kazakhstan and Azerbaijan held talks on trade and transit."))
    #expect(!markdown.contains("Menu Home"))
    #expect(!markdown.contains("Weather"))
    #expect(markdown.contains("2023-04-10 19:16"))  // local time: Almaty was UTC+6 in 2023
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
