import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazDigest

/// What each format contains, the JSON schema, Russian headings, and empty days.
@Suite("Digest formats")
struct DigestFormatsTests {
  static let schemaFile = ProjectPaths.root().appendingPathComponent(
    "Sources/KazazDigest/Schema/digest-v2.schema.json")

  func validate(_ digest: Digest) throws -> [String] {
    let validator = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaFile))
    return validator.validate(try JSONValue.parse(Data(JSONRenderer().render(digest).utf8)))
  }

  @Test(
    "The JSON validates against its schema, for an ordinary, hostile, empty and Russian digest",
    arguments: ["ordinary", "hostile", "empty", "russian"])
  func schema(_ name: String) throws {
    let digest =
      switch name {
      case "hostile": DigestFixtures.hostile
      case "empty": DigestFixtures.empty
      case "russian":
        {
          var digest = DigestFixtures.ordinary
          digest.language = .ru
          return digest
        }()
      default: DigestFixtures.ordinary
      }
    #expect(try validate(digest) == [])
  }

  @Test("The golden JSON, built from a real store, validates against its schema")
  func goldenSchema() throws {
    let validator = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaFile))
    let golden = try Data(
      contentsOf: GoldenDigestTests.folder.appendingPathComponent("digest.json"))
    #expect(validator.validate(try JSONValue.parse(golden)) == [])
  }

  @Test("The validator rejects what the schema forbids")
  func validatorRejects() throws {
    let validator = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaFile))
    var value = try JSONValue.parse(Data(JSONRenderer().render(DigestFixtures.ordinary).utf8))
    guard case .object(var members) = value else { Issue.record("not an object"); return }
    members["schema_version"] = .number(1)
    members["extra"] = .string("x")
    members["day"] = .string("25.11.2026")
    members.removeValue(forKey: "stories")
    value = .object(members)
    let problems = validator.validate(value)
    #expect(problems.contains { $0.contains("$.schema_version") })
    #expect(problems.contains { $0.contains("unexpected property extra") })
    #expect(problems.contains { $0.contains("$.day") })
    #expect(problems.contains { $0.contains("missing required stories") })
  }

  @Test("JSON carries stories once, merged across outlets, with key figures and statistics")
  func jsonContent() throws {
    let value = try JSONValue.parse(Data(JSONRenderer().render(DigestFixtures.ordinary).utf8))
    #expect(value["schema_version"] == .number(2))
    #expect(value["counts"]?["relevant"] == .number(3))
    let stories = try #require(value["stories"]?.array)
    #expect(stories.count == 2)
    let cable = stories[0]
    #expect(cable["also_reported_by"]?.array?.first?["name"] == .string("Report.az"))
    #expect(
      cable["key_figures"] == .array([.string("agreement: $1.2 billion"), .string("trade: +15%")]))
    #expect(cable["key_facts"]?.array?.count == 2, "figures only, not people")
    #expect(cable["key_facts"]?.array?.first?["subject"] == .string("agreement"))
    #expect(cable["primary_topic"] == .string("energy"))
    #expect(cable["tags"] == .array([.string("digital-telecom")]))
    #expect(cable["why"]?["sides"] == .string("headline"))
    #expect(
      cable["why"]?["summary"]
        == .string("both sides in the headline; topic terms: Trans-Caspian"))
    // Each story under its primary topic only.
    let topics = try #require(value["topics"]?.array)
    #expect(topics.map { $0["id"]?.string } == ["trade-economy", "energy"])
    #expect(topics.map { $0["story_ids"] } == [.array([.number(3)]), .array([.number(1)])])
    #expect(value["period"]?["start"] == .string("2026-11-24T03:00:00Z"))
    #expect(value["statistics"]?["trend"]?.array?.count == 14)
    #expect(value["feed_health"]?["problems"]?.array?.count == 2)
  }

  @Test("HTML: self-contained, every section, both charts, dark mode, phone viewport")
  func htmlStructure() {
    let html = HTMLRenderer().render(DigestFixtures.ordinary)
    for part in [
      "<meta name=\"viewport\"", "prefers-color-scheme:dark", "<section id=\"top\">",
      "<section id=\"charts\">", "<figure id=\"chart-topics\">", "<figure id=\"chart-trend\">",
      "<polyline", "<section id=\"topic-trade-economy\">", "<section id=\"statistics\">",
      "<section id=\"feeds\">", "Also reported by",
      "<li><span class=\"subject\">agreement</span> $1.2 billion</li>",
      "<span class=\"tag primary\">Energy</span>",
      "<details class=\"why\"><summary>Why it is here</summary>",
      "<li>Both sides in the headline</li>", "failing for 4 polls — HTTP 503",
      "disabled — 410 Gone",
    ] {
      #expect(html.contains(part), "missing \(part)")
    }
    // The top story is told at the top only: its topic has no section of its own.
    #expect(!html.contains("<section id=\"topic-energy\">"))
    #expect(html.components(separatedBy: "id=\"story-1\"").count == 2)
    // No external resource, no script.
    #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("<script"))
    #expect(!html.contains("url("))
  }

  @Test("Markdown: headline counts, top stories, sections in profile order, also reported by")
  func markdownContent() {
    let markdown = MarkdownRenderer().render(DigestFixtures.ordinary)
    #expect(markdown.contains("**3** relevant of 4 new items from 3 feeds."))
    #expect(markdown.contains("Also reported by: [Report.az](https://report.az/en/cable)"))
    #expect(markdown.contains("  - Key figures: товарооборот: +20%, 500 млн долларов\n"))
    #expect(markdown.contains("   - Key figures: agreement: $1.2 billion; trade: +15%\n"))
    #expect(markdown.contains("   - Topics: Energy; also Digital and telecom\n"))
    #expect(
      markdown.contains("   - Why: both sides in the headline; topic terms: Trans-Caspian\n"))
    #expect(markdown.contains("## Trade and economy (1)"))
    #expect(!markdown.contains("## Energy"))
    #expect(markdown.contains("- Broken \\<b\\>outlet") == false)
    #expect(markdown.contains("- Broken &lt;b&gt;outlet&lt;/b&gt;: failing for 4 polls — HTTP 503"))
  }

  @Test("Russian headings when selected; feed text untouched")
  func russian() {
    var digest = DigestFixtures.ordinary
    digest.language = .ru
    let markdown = MarkdownRenderer().render(digest)
    #expect(markdown.contains("# Казахстан–Азербайджан: дайджест — 2026-11-25"))
    #expect(markdown.contains("## Главное"))
    #expect(markdown.contains("## Торговля и экономика (1)"))
    #expect(markdown.contains("Почему: обе стороны в заголовке"))
    #expect(markdown.contains("Kazakhstan and Azerbaijan sign Trans-Caspian cable deal"))
    let html = HTMLRenderer().render(digest)
    #expect(html.contains("<html lang=\"ru\">") && html.contains("Состояние источников"))
  }

  @Test("An empty day says so plainly in every format")
  func emptyDay() throws {
    let digest = DigestFixtures.empty
    let markdown = MarkdownRenderer().render(digest)
    #expect(
      markdown.contains(
        "Nothing about Kazakhstan–Azerbaijan relations was found in this period (1 new items read from 0 feeds)."
      ))
    #expect(!markdown.contains("## Top stories"))
    let html = HTMLRenderer().render(digest)
    #expect(html.contains("<p class=\"empty\">Nothing about Kazakhstan–Azerbaijan relations"))
    #expect(!html.contains("id=\"top\"") && !html.contains("chart-topics"))
    let json = try JSONValue.parse(Data(JSONRenderer().render(digest).utf8))
    #expect(json["stories"] == .array([]) && json["counts"]?["relevant"] == .number(0))
    let atom = AtomRenderer().render([
      AtomRenderer.Entry(
        day: digest.day, periodEnd: digest.period.end, isPartial: false, relevantCount: 0,
        totalItems: 1, headlines: [], link: nil, linkType: nil)
    ])
    #expect(atom.contains("Nothing about Kazakhstan–Azerbaijan relations in this period."))
  }

  @Test("Atom: one entry per digest, newest first, linked, read back by the feed parser")
  func atomFeed() throws {
    let entries = (23...25).reversed().map { day in
      AtomRenderer.Entry(
        day: "2026-11-\(day)",
        periodEnd: DigestFixtures.period.end.addingTimeInterval(Double(day - 25) * 86_400),
        isPartial: day == 25, relevantCount: day, totalItems: 40, headlines: ["Story \(day)"],
        link: "https://digests.example/2026/11/2026-11-\(day).html", linkType: "text/html")
    }
    let text = AtomRenderer(selfLink: "https://digests.example/digests.atom").render(entries)
    let feed = try AtomFeedReader.parse(text)
    #expect(feed.format == .atom10)
    #expect(
      feed.items.map(\.id) == (23...25).reversed().map { "urn:kazaz-monitor:digest:2026-11-\($0)" })
    #expect(feed.items.first?.link == "https://digests.example/2026/11/2026-11-25.html")
    #expect(feed.items.first?.title?.contains("(so far)") == true)
    #expect(feed.items.first?.updated == DigestFixtures.period.end)
    #expect(feed.items.last?.summary?.contains("23 relevant of 40 new items. Story 23") == true)
  }
}
