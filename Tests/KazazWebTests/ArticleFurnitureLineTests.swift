import Foundation
import Testing

@testable import KazazWeb

/// Lines of a page that belong to the outlet, not to the story, in the region's languages: the
/// date and author line above the text, and the request to follow the outlet on a channel.
@Suite("Date lines and channel promotions in the region's languages")
struct ArticleFurnitureLineTests {
  @Test(
    "a date with a month name, alone or signed, is a date line in every language",
    arguments: [
      "18 Nov 2019, 12:44 by Yulia Abramova", "24 November 2026", "25.11.2026 11:40",
      "18 ноября 2019, 14:05", "18 қараша 2019, 12:49", "5 қазан 2026 жыл", "18 noyabr 2019",
      "3 mart 2026, 10:15", "18 Kasım 2019 12:44", "7 Ekim 2026", "1 May 2026",
    ])
  func dateLines(_ line: String) {
    #expect(ArticleExtractor.isByline(line))
  }

  @Test(
    "sentences with a month or a figure are not date lines",
    arguments: [
      "The ministers met in May to sign the 2026 programme of cooperation.",
      "Trade grew by 12% in the ten months to October 2026, the agency said.",
      "Мамыр айында екі ел арасындағы тауар айналымы 2026 жылы өсті деп хабарлады министрлік.",
    ])
  func notDateLines(_ line: String) {
    #expect(!ArticleExtractor.isByline(line))
  }

  @Test(
    "a request to follow the outlet on a channel is the outlet's, in every language",
    arguments: [
      "Subscribe to our Telegram channel for the most important news.",
      "В нашем Telegram-канале только самые важные новости. Подписывайтесь!",
      "YouTube-арнамызға жазылуды ұмытпаңыздар.",
      "Bizi Instagram-da izləyin və Telegram kanalımıza abunə olun.",
      "Bizi Twitter'da takip edin.",
    ])
  func channelPromotions(_ paragraph: String) {
    #expect(Boilerplate.isNoiseParagraph(paragraph))
  }

  @Test("a paragraph about a network, without a request to follow, is the story's")
  func storyAboutANetwork() {
    #expect(
      !Boilerplate.isNoiseParagraph(
        "Telegram and YouTube were unavailable in the region for six hours on Monday."))
    #expect(
      !Boilerplate.isNoiseParagraph(
        "Министерство подписало соглашение с Telegram о работе официальных каналов."))
    #expect(
      !Boilerplate.isNoiseParagraph("Бұл хабарлама Telegram арнасында жазылған деп мәлімдеді."))
  }

  @Test("on a page: the date line and the promotion go, the story stays")
  func onAPage() {
    let body = (1...3).map {
      "<p>Paragraph \($0): Kazakhstan and Azerbaijan agreed to expand transit on the "
        + "Trans-Caspian route, the ministries said on Thursday in Baku.</p>"
    }.joined()
    let article = ArticleExtractor.extract(
      HTMLDocument(
        html: "<html><body><div class=\"article\"><p>18 қараша 2019, 12:49</p>\(body)"
          + "<p>YouTube-арнамызға жазылуды ұмытпаңыздар.</p></div></body></html>"))
    #expect(article.text.hasPrefix("Paragraph 1:"))
    #expect(article.text.contains("Paragraph 3:"))
    #expect(!article.text.contains("арнамызға"))
  }
}
