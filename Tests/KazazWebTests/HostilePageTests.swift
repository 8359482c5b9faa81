import Foundation
import Testing

@testable import KazazWeb

/// Article pages are written by strangers: their dates, nesting and metadata must never stop the
/// process, and what is out of range is dropped rather than believed.
@Suite("Hostile article pages")
struct HostilePageTests {
  private func page(head: String = "", body: String = "") -> String {
    "<html><head>\(head)</head><body>\(body)<article><p>"
      + String(repeating: "Astana and Baku signed a transit agreement, officials said. ", count: 4)
      + "</p></article></body></html>"
  }

  @Test(
    "Dates out of range are no dates",
    arguments: [
      "9223372036854775807-01-01T00:00:00Z", "99999999999999999999-01-01",
      "2023-04-10T18:16:05+999999999999:00", "2023-04-10T18:16:05+99:99",
      "2023-99999999999999999999-01", "0000-00-00T00:00:00Z", "2023-02-30",
      "2023-04-10T25:00:00Z",
    ])
  func absurdDates(value: String) {
    #expect(ArticleDate.parse(value) == nil, "\(value)")
    let html = page(
      head: "<meta property=\"article:published_time\" content=\"\(value)\">",
      body: "<time datetime=\"\(value)\">then</time>"
        + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        + "\"datePublished\": \"\(value)\"}</script>")
    #expect(ArticleExtractor.extract(HTMLDocument(html: html)).published == nil)
  }

  @Test(
    "The date forms pages use",
    arguments: [
      ("2023-04-10T18:16:05+05:00", 1_681_132_565), ("2023-04-10T18:16:05.123Z", 1_681_150_565),
      ("2023-04-10T18:16:05+0500", 1_681_132_565), ("2023-04-10 18:16", 1_681_150_560),
      ("2023-04-10T18:16:05", 1_681_150_565), ("2023-04-10", 1_681_084_800),
      (" 2023-04-10T18:16Z ", 1_681_150_560),
    ])
  func dates(value: String, expected: Int) {
    #expect(ArticleDate.parse(value).map { Int($0.timeIntervalSince1970) } == expected)
  }

  @Test("A page nested 100,000 elements deep is read up to where the nesting starts")
  func deepNesting() {
    // libxml2 stops reading at a depth of 256; what came before is the article.
    let depth = 100_000
    let html =
      "<html><body><article><p>"
      + String(repeating: "Astana and Baku signed a transit agreement, officials said. ", count: 4)
      + "</p></article>" + String(repeating: "<div>", count: depth) + "deep"
      + String(repeating: "</div>", count: depth) + "</body></html>"
    let document = HTMLDocument(html: html)
    #expect(ArticleExtractor.extract(document).text.contains("transit agreement"))
    // Elements below the depth limit are folded into their ancestor.
    var deepest = 0
    var level: [(HTMLElement, Int)] = [(document.root, 0)]
    while let (element, depth) = level.popLast() {
      deepest = max(deepest, depth)
      level += element.elements.map { ($0, depth + 1) }
    }
    #expect(deepest <= HTMLDocument.maximumDepth)
  }

  @Test("JSON-LD with values of the wrong types is ignored, not trusted")
  func jsonLDTypes() {
    let html = page(
      head: """
        <script type="application/ld+json">
        {"@type": ["NewsArticle", 5], "headline": 42, "datePublished": 1681150565,
         "author": [{"name": 7}, "Desk", null, [[["x"]]]], "articleBody": {"text": "no"}}
        </script>
        """)
    let article = ArticleExtractor.extract(HTMLDocument(html: html))
    #expect(article.published == nil)
    #expect(article.author == "Desk")
    #expect(article.text.contains("transit agreement"))
  }

  @Test("A byte the page's encoding leaves undefined is not reported on standard error")
  func quietEncodingErrors() throws {
    // 0x98 is undefined in windows-1251; libxml2's converter fails on it and, unless told
    // otherwise, prints so on standard error for every such page.
    var html = Data("<html><body><p>Баку и Астана ".utf8)
    html.append(0x98)
    html.append(Data(" подписали соглашение.</p></body></html>".utf8))
    let captured = try capturingStandardError {
      _ = HTMLDocument(data: html, httpCharset: "windows-1251")
    }
    #expect(!captured.contains("encoding error"), "\(captured)")
    #expect(!captured.contains("conversion failed"), "\(captured)")
  }

  /// What `body` writes to file descriptor 2.
  private func capturingStandardError(_ body: () -> Void) throws -> String {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("stderr-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    let capture = open(file.path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
    try #require(capture >= 0)
    let saved = dup(2)
    fflush(nil)
    dup2(capture, 2)
    body()
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    close(capture)
    return String(decoding: try Data(contentsOf: file), as: UTF8.self)
  }
}
