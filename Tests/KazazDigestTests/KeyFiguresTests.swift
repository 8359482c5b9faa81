import Foundation
import KazazModel
import Testing

@testable import KazazDigest

@Suite("Key figures and same-story merging")
struct KeyFiguresTests {
  @Test(
    "Money with currency and scale, and percentages, in English and Russian",
    arguments: [
      ("The deal is worth $1.2 billion.", ["$1.2 billion"]),
      ("Trade reached USD 450 million, up 12.5%.", ["USD 450 million", "12.5%"]),
      ("Investments of 300 million manats and €20 mln", ["300 million manats", "€20 mln"]),
      ("Grew by 7 percent to 1,500,000 tenge", ["7 percent", "1,500,000 tenge"]),
      (
        "Товарооборот составил 1,5 млрд долларов, рост на 20 процентов.",
        ["1,5 млрд долларов", "20 процентов"]
      ),
      ("Кредит на 2 000 000 тенге и 15 млн руб.", ["2 000 000 тенге", "15 млн руб."]),
      ("In 2023 the 600 students used 2,708 square meters and 1.5 hectares.", []),
    ])
  func extract(_ text: String, _ expected: [String]) {
    #expect(KeyFigures.extract(from: text) == expected)
  }

  @Test("At most four, without repeats")
  func limit() {
    let text = "5% 5% 6% 7% 8% 9% 10%"
    #expect(KeyFigures.extract(from: text) == ["5%", "6%", "7%", "8%"])
  }

  @Test(
    "The same headline from another outlet becomes \"also reported by\"; short ones never merge")
  func merge() {
    let a = DigestFixtures.item(1, title: "Kazakhstan, Azerbaijan sign cable deal", score: 9)
    let b = DigestFixtures.item(
      2, title: "KAZAKHSTAN AZERBAIJAN SIGN CABLE DEAL", feed: "https://report.az/rss",
      feedTitle: "Report.az", score: 5)
    let sameFeed = DigestFixtures.item(
      3, title: "Kazakhstan, Azerbaijan sign cable deal.", score: 4)
    let shortA = DigestFixtures.item(4, title: "News", score: 3)
    let shortB = DigestFixtures.item(5, title: "News", feed: "https://b.az/rss", score: 2)
    let stories = SameStory.merge([a, b, sameFeed, shortA, shortB])
    #expect(stories.map(\.item.id) == [1, 4, 5])
    #expect(stories[0].others.map(\.name) == ["Report.az"])
  }
}
