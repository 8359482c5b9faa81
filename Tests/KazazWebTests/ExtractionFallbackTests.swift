import Foundation
import Testing

@testable import KazazWeb

/// A page with text never extracts to nothing: the relaxed passes and the fallbacks find it, and
/// the article records which way it was found.
@Suite("Extraction passes and fallbacks")
struct ExtractionFallbackTests {
  private func extract(_ html: String) -> ExtractedArticle {
    ArticleExtractor.extract(HTMLDocument(html: html))
  }

  private let sentence =
    "Kazakhstan and Azerbaijan agreed on Thursday to expand transit on the Trans-Caspian route, "
    + "the ministries said, and to build a common platform for customs documents. "

  @Test("an ordinary article: the first pass, its container and score")
  func ordinary() {
    let article = extract(
      "<html lang=\"kk-KZ\"><body><nav><a href=\"/\">Home</a></nav><div class=\"article-body\">"
        + String(repeating: "<p>\(sentence)</p>", count: 5) + "</div></body></html>")
    #expect(article.method.path == .readability)
    #expect(article.method.container == "div.article-body")
    #expect((article.method.score ?? 0) > 0)
    #expect(article.language == "kk")
    #expect(article.text.split(separator: "\n").count == 5)
  }

  @Test("a consent dialog holding more prose than a short news item is not the article")
  func consentDialog() {
    let consent =
      "We use technologies such as cookies to store and access device information, to improve "
      + "browsing, to show personalised or non-personalised advertising, and to measure it. "
    let story = "<div class=\"entry\"><p>\(sentence)</p><p>\(sentence)</p></div>"
    for overlay in [
      "<div class=\"banner-1\" role=\"dialog\"><div class=\"body\">",
      "<div id=\"cookie-notice\"><div class=\"body\">",
    ] {
      let article = extract(
        "<html><body>" + story + overlay + String(repeating: "<p>\(consent)</p>", count: 4)
          + "</div></div></body></html>")
      #expect(article.text.contains("Trans-Caspian"))
      #expect(!article.text.contains("cookies"))
    }
  }

  @Test("a UTF-8 page with one stray byte is read as UTF-8: its text is not garbled")
  func strayByteInUTF8() throws {
    let polish = "Kolejne organizacje sprzeciwiają się atakom, a Fundacja odpowiada spokojnie. "
    var data = Data(
      ("<html><head><meta charset=\"UTF-8\"></head><body><div class=\"entry-content\">"
        + String(repeating: "<p>\(polish)</p>", count: 20) + "</div>").utf8)
    data.append(contentsOf: [0x3C, 0x70, 0x3E, 0xC3, 0x3C, 0x2F, 0x70, 0x3E])  // <p>\xC3</p>
    data.append(contentsOf: Data("</body></html>".utf8))
    let article = ArticleExtractor.extract(data: data)
    #expect(article.text.contains("sprzeciwiają się"))
    #expect(article.text.split(separator: "\n").count >= 4)
  }

  @Test("a page wrapped in one <form> (ASP.NET Web Forms) gives its article; forms to fill in go")
  func pageInsideForm() {
    let teasers = (1...8).map {
      "<div class=\"material\"><a href=\"/n/\($0)\"><p>Another story \($0)</p></a></div>"
    }.joined()
    let article = extract(
      "<html><body><form name=\"aspnetForm\" method=\"post\" action=\"/news/1\">"
        + "<input type=\"hidden\" name=\"__VIEWSTATE\" value=\"abc\">"
        + "<div class=\"article-text\">" + String(repeating: "<p>\(sentence)</p>", count: 4)
        + "<form class=\"comment-box\"><p>Write a comment: your name and your text</p>"
        + "<textarea></textarea></form></div>"
        + "<article class=\"author-materials\">\(teasers)<script>$('.slider').run();</script>"
        + "</article></form></body></html>")
    #expect(article.method.path == .readability)
    #expect(article.method.container == "div.article-text")
    #expect(article.text.split(separator: "\n").count == 4)
    #expect(!article.text.contains("Write a comment"))
    #expect(!article.text.contains("Another story"))
    #expect(!article.text.contains("slider"))
  }

  @Test("a page header left unclosed swallows the article: the article is still found")
  func unclosedHeader() {
    // `</header>` after an unclosed <div> is ignored by the HTML parser, so the rest of the page
    // ends up inside the header.
    let article = extract(
      "<html><body><header class=\"site-header\"><div class=\"inner\"><h2>Daily News</h2>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>"
        + "<div class=\"entry-content\">" + String(repeating: "<p>\(sentence)</p>", count: 3)
        + "</div><footer>Imprint and contact</footer></body></html>")
    #expect(article.method.path == .readability)
    #expect(article.text.split(separator: "\n").count == 3)
    #expect(!article.text.contains("Home"))
  }

  @Test("a <noscript> left open swallows the article: the article is still found")
  func unclosedNoscript() {
    let article = extract(
      "<html><body><noscript><div id=\"nojs\">Please enable JavaScript.</noscript>"
        + "<div class=\"menu\"><a href=\"/\">Home</a></div><div id=\"text\">"
        + String(repeating: "<p>\(sentence)</p>", count: 3) + "</div></body></html>")
    #expect(article.method.path == .readability)
    #expect(article.text.split(separator: "\n").count == 3)
    #expect(!article.text.contains("Home"))
  }

  @Test("of several <article> elements, the one with the most prose: not a list of teasers")
  func articleWithMostProse() {
    let teasers = (1...20).map {
      "<li><a href=\"/n/\($0)\">Another story number \($0), with a long teaser headline</a></li>"
    }.joined()
    let article = extract(
      "<html><body><article class=\"story\"><ul>"
        + (1...2).map { "<li>Point \($0): \(sentence)</li>" }.joined()
        + "</ul></article><article class=\"feed\"><ul>\(teasers)</ul></article></body></html>")
    // The whole story, from its <article>: the one with the most text (the teasers) gave nothing
    // to read, and the longest text block is one point of the two.
    #expect(article.method.path == .articleElement)
    #expect(article.method.container == "article.story")
    #expect(article.text.contains("Point 1: Kazakhstan and Azerbaijan"))
    #expect(article.text.contains("Point 2: Kazakhstan and Azerbaijan"))
    #expect(!article.text.contains("Another story"))
  }

  @Test("an article of list items only: its <article> element")
  func listArticle() {
    let items = (1...6).map { "<li>Point \($0): \(sentence)</li>" }.joined()
    let article = extract(
      "<html><body><article><ul>\(items)</ul></article><footer>All rights reserved</footer></body></html>"
    )
    #expect(article.method.path == .articleElement)
    #expect(article.text.contains("Point 6: Kazakhstan and Azerbaijan"))
    #expect(!article.text.contains("All rights reserved"))
  }

  @Test("text in inline elements only: the longest block of text")
  func inlineText() {
    let article = extract(
      "<html><body><span>\(sentence)</span><b>\(sentence)</b></body></html>")
    #expect(article.method.path == .longestBlock)
    #expect(article.text.contains("common platform for customs documents"))
  }

  @Test("a page that is nothing but links still gives its text, by the last relaxed pass")
  func linksOnly() {
    let links = (1...8).map { "<p><a href=\"/a/\($0)\">\(sentence)</a></p>" }.joined()
    let article = extract("<html><body><div class=\"content\">\(links)</div></body></html>")
    #expect(!article.text.isEmpty)
    #expect(article.method.path == .noLinkDensity)
  }

  @Test("a short news item keeps its own text, not the longer comments under it")
  func shortItem() {
    let comments = (1...6).map { "<p>Comment \($0): \(sentence)</p>" }.joined()
    let article = extract(
      "<html><body><div class=\"article-body\"><p>\(sentence)</p></div>"
        + "<div class=\"comments\">\(comments)</div></body></html>")
    #expect(article.text.hasPrefix("Kazakhstan and Azerbaijan agreed"))
    #expect(!article.text.contains("Comment 1"))
  }

  @Test("nothing to read: no text, and the path says so")
  func nothing() {
    let article = extract("<html><body><img src=\"a.png\"></body></html>")
    #expect(article.text.isEmpty)
    #expect(article.method.path == .none)
  }
}
