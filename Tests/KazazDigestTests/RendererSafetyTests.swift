import Foundation
import KazazModel
import Testing

@testable import KazazDigest

/// Feed text is data, never markup, in every format; only http(s) links become links.
@Suite("Hostile feed text is inert in every format")
struct RendererSafetyTests {
  let digest = DigestFixtures.hostile

  @Test("HTML: no element, attribute or link comes from feed text")
  func html() throws {
    let html = HTMLRenderer().render(digest)
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<img") && !html.contains("<iframe") && !html.contains("<b>boom"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&lt;/li&gt;&lt;script&gt;alert(7)"))
    // Every href is http(s); the javascript:, data: and broken links are plain text.
    for href in html.components(separatedBy: "href=\"").dropFirst() {
      #expect(href.hasPrefix("https://") || href.hasPrefix("http://"))
    }
    #expect(!html.contains("href=\"javascript") && !html.contains("href=\"data:"))
    #expect(!html.contains("onerror=alert(2)>"))
    // Key figures' subjects and the reasons' terms are feed text too.
    #expect(html.contains("&lt;script&gt;alert(8)&lt;/script&gt;"))
    #expect(!html.contains("<img src=x onerror=alert(9)>"))
    // No script may run and nothing may load, even if escaping had a hole.
    #expect(html.contains("default-src 'none'"))
    #expect(!html.contains("<script"))
  }

  @Test("Markdown: punctuation escaped, HTML neutralised, only http(s) destinations")
  func markdown() {
    let markdown = MarkdownRenderer().render(digest)
    #expect(!markdown.contains("<script") && !markdown.contains("<iframe"))
    #expect(markdown.contains("&lt;script&gt;"))
    #expect(markdown.contains("\\[click\\](javascript:alert(3))"))
    #expect(markdown.contains("\\*\\*bold\\*\\*"))
    #expect(markdown.contains("\\# not a heading"))
    var searchStart = markdown.startIndex
    while let link = markdown.range(of: "](", range: searchStart..<markdown.endIndex) {
      let escaped =
        link.lowerBound > markdown.startIndex
        && markdown[markdown.index(before: link.lowerBound)] == "\\"
      #expect(escaped || markdown[link.upperBound...].hasPrefix("https://"))
      searchStart = link.upperBound
    }
    // Headings are only the digest's own.
    for line in markdown.split(separator: "\n") where line.hasPrefix("#") {
      #expect(!line.contains("script"))
    }
  }

  @Test("JSON: feed text only inside string values; non-http links are null")
  func json() throws {
    let text = JSONRenderer().render(digest)
    let value = try JSONValue.parse(Data(text.utf8))
    let stories = try #require(value["stories"]?.array)
    #expect(stories.count == 3)
    let hostile = try #require(stories.first { $0["title"]?.string?.contains("<script>") == true })
    #expect(hostile["title"]?.string == DigestFixtures.hostileTitle)
    #expect(hostile["url"] == .null)
    for story in stories {
      if let url = story["url"]?.string { #expect(url.hasPrefix("https://")) }
    }
    #expect(stories.allSatisfy { $0["url"] == .null })
  }

  @Test("Atom: well-formed, hostile text escaped, read back as text by the feed parser")
  func atom() throws {
    let entry = AtomRenderer.Entry(
      day: "2026-11-25", periodEnd: DigestFixtures.period.end, isPartial: false, relevantCount: 1,
      totalItems: 3, headlines: [DigestFixtures.hostileTitle, "Nul\u{0}byte \u{1}control"],
      link: "https://digests.example/2026/11/2026-11-25.html", linkType: "text/html")
    let text = AtomRenderer().render([entry])
    #expect(!text.contains("<script"))
    #expect(!text.contains("\u{0}") && !text.contains("\u{1}"))
    let feed = try AtomFeedReader.parse(text)
    #expect(feed.items.count == 1)
    // The summary arrives as text: the markup-like parts are characters, not elements (the
    // project's parser drops tag-like text even in type="text", which is safe).
    let summary = try #require(feed.items[0].summary)
    #expect(summary.contains("[click](javascript:alert(3)) **bold** # not a heading"))
    #expect(!summary.contains("<script"))
    #expect(feed.items[0].link == "https://digests.example/2026/11/2026-11-25.html")
  }
}
