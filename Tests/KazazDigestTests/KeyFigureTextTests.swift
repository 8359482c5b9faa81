import Foundation
import KazazModel
import Testing

@testable import KazazDigest

@Suite("Key figures as a reader sees them, and same-story merging")
struct KeyFigureTextTests {
  static func money(_ value: Double, _ currency: String, subject: String? = nil) -> KeyFact {
    KeyFact(kind: .money, text: "x", value: value, currency: currency, subject: subject)
  }

  static func percent(
    _ value: Double, subject: String? = nil, _ direction: KeyFact.Direction? = nil
  )
    -> KeyFact
  {
    KeyFact(kind: .percentage, text: "x", value: value, subject: subject, direction: direction)
  }

  @Test(
    "Each figure written the way the article's language writes it",
    arguments: [
      (money(375.3e6, "USD"), Language.en, "$375.3 million"),
      (money(5e8, "USD"), .ru, "500 млн долларов"),
      (money(1.5e9, "AZN"), .ru, "1,5 млрд манатов"),
      (money(1.5e9, "KZT"), .en, "1.5 billion tenge"),
      (money(350_000, "EUR"), .en, "€350,000"),
      (money(12_500_000, "KZT"), .kk, "12,5 млн теңге"),
      (money(3e8, "USD"), .az, "300 milyon dollar"),
      (money(2e12, "TRY"), .tr, "2 trilyon lira"),
      (percent(14.3, .up), .tr, "+%14,3"),
      (percent(5.25, .down), .en, "−5.25%"),
      (percent(40), .ru, "40%"),
      (KeyFact(kind: .quantity, text: "x", value: 3.1e6, unit: "t"), .ru, "3,1 млн тонн"),
      (KeyFact(kind: .quantity, text: "x", value: 120_000, unit: "TEU"), .en, "120,000 TEU"),
      (
        KeyFact(kind: .quantity, text: "x", value: 1e10, unit: "m3"), .en, "10 billion cubic metres"
      ),
    ])
  func figure(_ fact: KeyFact, _ language: Language, _ expected: String) {
    #expect(KeyFigureText.figure(fact, language: language) == expected)
  }

  @Test("Grouped by subject in order of mention; people, absurd values and repeats left out")
  func groups() {
    let facts = [
      Self.percent(40, subject: "товарооборот", .up),
      KeyFact(kind: .person, text: "Ильхам Алиев", count: 2),
      Self.money(5e8, "USD", subject: "товарооборот"),
      Self.money(3e8, "USD", subject: "инвестиционный фонд"),
      Self.money(1e9, "USD", subject: "товарооборот"),
      Self.money(5e8, "USD", subject: "товарооборот"),
      Self.money(2e6, "USD"),
      Self.money(.infinity, "USD"),
      Self.money(1e30, "USD"),
      Self.percent(-3),
    ]
    #expect(
      KeyFigureText.groups(facts, language: .ru).map(\.text) == [
        "товарооборот: +40%, 500 млн долларов, 1 млрд долларов",
        "инвестиционный фонд: 300 млн долларов", "2 млн долларов",
      ])
    let many = (1...9).map { Self.percent(Double($0), subject: "s\($0)") }
    #expect(KeyFigureText.groups(many, language: .en).count == KeyFigureText.groupLimit)
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
