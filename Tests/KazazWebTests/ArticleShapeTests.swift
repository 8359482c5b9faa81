import Foundation
import Testing

@testable import KazazWeb

/// Articles split into pieces are found whole, and blocks inside the article that are furniture
/// by their shape or name (galleries, teasers, player settings) are set aside.
@Suite("Article shape: split articles and furniture inside them")
struct ArticleShapeTests {
  private func extract(_ html: String) -> ExtractedArticle {
    ArticleExtractor.extract(HTMLDocument(html: html))
  }

  private func sentence(_ number: Int) -> String {
    "Paragraph \(number): the ministry said on Thursday that transit on the Trans-Caspian route "
      + "grew, that customs documents will be shared, and that the ports will be extended. "
  }

  private var links: String {
    (1...12).map { "<li><a href=\"/n/\($0)\">Another story number \($0)</a></li>" }.joined()
  }

  @Test(
    "steps nested too deep for scores to reach the article, each long enough alone, are all taken")
  func deepSteps() {
    let steps = (1...6).map {
      "<span><span><div class=\"step\"><div class=\"step-content\"><div class=\"content\">"
        + "<span><p>\(String(repeating: sentence($0), count: 3))</p></span></div></div></div>"
        + "</span></span>"
    }.joined()
    let article = extract(
      "<html><body><ul class=\"menu\">\(links)</ul><article>\(steps)</article></body></html>")
    for number in 1...6 { #expect(article.text.contains("Paragraph \(number):")) }
    #expect(!article.text.contains("Another story"))
  }

  @Test("sections of the same shape after a pull quote join the article")
  func sameShapeSections() {
    func section(_ numbers: ClosedRange<Int>) -> String {
      "<div class=\"body-part\"><section><div class=\"inner\"><div class=\"text\">"
        + numbers.map { "<p>\(sentence($0))</p>" }.joined() + "</div></div></section></div>"
    }
    let article = extract(
      "<html><body><main>\(section(1...8))<blockquote class=\"pull\">A quote</blockquote>"
        + "\(section(9...10))<div class=\"list\"><ul>\(links)</ul></div>\(section(11...11))"
        + "</main></body></html>")
    for number in 1...11 { #expect(article.text.contains("Paragraph \(number):")) }
    #expect(!article.text.contains("Another story"))
  }

  @Test("the body continued in a cousin container of the same class family joins the article")
  func cousinContainers() {
    let first = (1...8).map { "<p>\(sentence($0))</p>" }.joined()
    let more = (9...10).map { "<p>\(sentence($0))</p>" }.joined()
    let article = extract(
      "<html><body><main><div class=\"part first\"><div class=\"article-body\">\(first)</div>"
        + "</div><div class=\"promo\"><ul>\(links)</ul></div><div class=\"part second\">"
        + "<div class=\"article-body article-body--more\">\(more)</div></div></main></body></html>")
    for number in 1...10 { #expect(article.text.contains("Paragraph \(number):")) }
    #expect(!article.text.contains("Another story"))
  }

  @Test("a cousin with a title of its own is another post of a listing and stays out")
  func cousinPostsOfListing() {
    func post(_ title: String, _ numbers: ClosedRange<Int>) -> String {
      "<div class=\"post post-\(numbers.lowerBound)\"><h2>\(title)</h2><div class=\"entry\">"
        + numbers.map { "<p>\(sentence($0))</p>" }.joined() + "</div></div>"
    }
    let article = extract(
      "<html><body><div class=\"posts\">\(post("First post", 1...8))"
        + "\(post("Second post", 9...10))</div></body></html>")
    for number in 1...8 { #expect(article.text.contains("Paragraph \(number):")) }
    #expect(!article.text.contains("Paragraph 9:"))
  }

  @Test("contact lines after the last long paragraph go; a closing sentence with a number stays")
  func contactFooter() {
    let paragraphs = (1...6).map { "<p>\(sentence($0))</p>" }.joined()
    let article = extract(
      "<html><body><div class=\"story\">\(paragraphs)"
        + "<p>Witnesses who saw the car on the forest road are asked to call the police on "
        + "0631-3692150.</p>"
        + "<p>Permalink https://example.org/p/RPYx</p>"
        + "<p>Desk: news@example.org, +1 202 555 0100</p></div></body></html>")
    for number in 1...6 { #expect(article.text.contains("Paragraph \(number):")) }
    #expect(article.text.contains("Witnesses who saw the car"))
    #expect(!article.text.contains("Permalink"))
    #expect(!article.text.contains("news@example.org"))
  }

  @Test("image legends, descriptions and copyright lines named as such are left out")
  func namedCaptions() {
    let captions = [
      "<div class=\"legend\"><div>Map legend: the route from Aktau to Baku</div></div>",
      "<p class=\"imagedescription\">Image description: the port of Aktau at dawn</p>",
      "<span class=\"image-annotation\"><em class=\"copyright\">Photo agency / Someone</em></span>",
      "<div class=\"bildunterschrift\">Bildunterschrift: der Hafen von Baku</div>",
    ].joined()
    let article = extract(
      "<html><body><div class=\"article-text\"><p>\(sentence(1))</p>\(captions)"
        + "<p>\(sentence(2))</p><p>\(sentence(3))</p></div></body></html>")
    for number in 1...3 { #expect(article.text.contains("Paragraph \(number):")) }
    for caption in ["Map legend", "Image description", "Photo agency", "Bildunterschrift"] {
      #expect(!article.text.contains(caption))
    }
  }

  @Test("a gallery of captions holding most of the page's text is left out")
  func captionGallery() {
    let captions = (1...20).map {
      "<li><img src=\"/\($0).jpg\"><p>Caption \($0): a long caption, with commas, names, places, "
        + "and the photographer, for a picture of the port at dawn, seen from the sea.</p></li>"
    }.joined()
    let article = extract(
      "<html><body><div class=\"text-wrapper\"><p>\(sentence(1))</p>"
        + "<div class=\"photo-gallery\"><ul>\(captions)</ul></div>"
        + "<p>\(sentence(2))</p><p>\(sentence(3))</p></div></body></html>")
    #expect(article.text.contains("Paragraph 1:"))
    #expect(article.text.contains("Paragraph 3:"))
    #expect(!article.text.contains("Caption"))
  }

  @Test("a player's settings, a form and a teaser box inside the article are left out")
  func furnitureByShape() {
    let settings =
      "<div class=\"player\"><div>Video Quality</div><div>Auto</div><div>High</div>"
      + "<input type=\"text\" value=\"embed\"><div>Captions will look like this</div></div>"
    let teasers =
      "<div class=\"grid\">"
      + (1...4).map {
        "<div><a href=\"/t/\($0)\">Teaser headline \($0)</a> short summary \($0)</div>"
      }.joined() + "</div>"
    let body = (1...5).map { "<p>\(sentence($0))</p>" }.joined()
    let article = extract(
      "<html><body><div class=\"story\">\(settings)\(body)\(teasers)</div></body></html>")
    #expect(article.text.contains("Paragraph 5:"))
    #expect(!article.text.contains("Video Quality"))
    #expect(!article.text.contains("Captions will look"))
    #expect(!article.text.contains("Teaser headline"))
  }

  @Test("a block of buttons and switches above the text (listen, highlight, on/off) is left out")
  func controlsAboveText() {
    let controls =
      "<div class=\"article_buttons_block\"><div class=\"voice_text\">Listen to the text</div>"
      + "<div class=\"switch\"><div class=\"switch__label\">Highlight the main points</div>"
      + "<div class=\"switch__btn off\"><div>on</div><div>off</div></div></div></div>"
    let body = (1...4).map { "<p>\(sentence($0))</p>" }.joined()
    let article = extract(
      "<html><body><div class=\"text-article\">\(controls)<article>\(body)</article></div>"
        + "</body></html>")
    #expect(article.text.contains("Paragraph 4:"))
    #expect(!article.text.contains("Listen to the text"))
    #expect(!article.text.contains("Highlight the main points"))
  }

  @Test("subheadings linking to their own anchors stay; a line linking elsewhere goes")
  func inPageLinks() {
    let sections = (1...3).map {
      "<h2><a href=\"#part-\($0)\" id=\"part-\($0)\">Part \($0) of the agreement</a></h2>"
        + "<p>\(sentence($0))</p><p>\(sentence($0 + 10))</p>"
    }.joined()
    let article = extract(
      "<html><body><div class=\"article-body\">\(sections)"
        + "<p><a href=\"/news/other-story\">Another story about the ports</a></p>"
        + "</div></body></html>")
    for number in 1...3 { #expect(article.text.contains("Part \(number) of the agreement")) }
    #expect(!article.text.contains("Another story"))
  }

  @Test("a subheading left last, its box of links set aside, goes; one with text under it stays")
  func trailingSubheading() {
    let body = (1...3).map { "<p>\(sentence($0))</p>" }.joined()
    let article = extract(
      "<html><body><div class=\"article-text\">\(body)<h3>What the ports will do</h3>"
        + "<p>\(sentence(4))</p><h4>Other news of the section:</h4><ul>\(links)</ul>"
        + "</div></body></html>")
    #expect(article.text.contains("What the ports will do"))
    #expect(article.text.contains("Paragraph 4:"))
    #expect(!article.text.contains("Other news of the section"))
  }

  @Test("a short article keeps its one list of points")
  func shortArticleWithList() {
    let article = extract(
      "<html><body><div class=\"article-body\"><p>\(sentence(1))</p><ul>"
        + "<li>Ports will be extended by 2027.</li><li>Customs documents will be shared.</li>"
        + "</ul><p>\(sentence(2))</p></div><div class=\"teaser\">\(links)</div></body></html>")
    #expect(article.text.contains("Ports will be extended by 2027."))
    #expect(article.text.contains("Paragraph 2:"))
    #expect(!article.text.contains("Another story"))
  }
}
