import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

@Suite("Key facts")
struct KeyFactTests {
  func money(_ text: String) -> [(String, Double, String)] {
    AmountExtractor.facts(in: text).filter { $0.kind == .money }.map {
      ($0.text, $0.value ?? -1, $0.currency ?? "")
    }
  }

  func percentages(_ text: String) -> [Double] {
    AmountExtractor.facts(in: text).filter { $0.kind == .percentage }.compactMap(\.value)
  }

  @Test(
    "English money amounts with currency and scale",
    arguments: [
      ("Trade should reach $1 billion soon.", "$1 billion", 1e9, "USD"),
      ("Exports rose to $375.3 million.", "$375.3 million", 375.3e6, "USD"),
      ("A fund of US$ 500 mln was set up.", "US$ 500 mln", 500e6, "USD"),
      ("It costs €20m.", "€20m", 20e6, "EUR"),
      (
        "Turnover was 529.4 million US dollars last year.", "529.4 million US dollars", 529.4e6,
        "USD"
      ),
      ("A loan of 1,500 dollars.", "1,500 dollars", 1500, "USD"),
      ("Investments of 2.5 bn manats.", "2.5 bn manats", 2.5e9, "AZN"),
      ("The budget is 1,000,000 tenge.", "1,000,000 tenge", 1e6, "KZT"),
      ("Deals worth USD 300 million were signed.", "USD 300 million", 300e6, "USD"),
    ])
  func englishMoney(text: String, shown: String, value: Double, currency: String) {
    let found = money(text)
    #expect(found.count == 1)
    #expect(found.first?.0 == shown)
    #expect(abs((found.first?.1 ?? 0) - value) < 1e-3)
    #expect(found.first?.2 == currency)
  }

  @Test(
    "Russian money amounts: decimal comma, abbreviations, inflected currency words",
    arguments: [
      ("Товарооборот составил 300 млн долларов.", "300 млн долларов", 300e6, "USD"),
      ("Объем достиг 529,4 млн долл. США.", "529,4 млн долл", 529.4e6, "USD"),
      ("Фонд в 1,5 млрд манатов.", "1,5 млрд манатов", 1.5e9, "AZN"),
      ("Стоимость — 12 000 000 тенге.", "12 000 000 тенге", 12e6, "KZT"),
      ("Инвестиции около $2 млрд.", "$2 млрд", 2e9, "USD"),
      ("Цель — 1 миллиард долларов.", "1 миллиард долларов", 1e9, "USD"),
      ("Выделено 350 тыс. рублей.", "350 тыс. рублей", 350e3, "RUB"),
    ])
  func russianMoney(text: String, shown: String, value: Double, currency: String) {
    let found = money(text)
    #expect(found.count == 1)
    #expect(found.first?.0 == shown)
    #expect(abs((found.first?.1 ?? 0) - value) < 1e-3)
    #expect(found.first?.2 == currency)
  }

  @Test("Numbers without a currency are not money; dates and years are ignored")
  func notMoney() {
    #expect(money("Cargo reached 3.785 million tons in 2023, on 10.04.2023.").isEmpty)
    #expect(money("Погрузка — 3,1 млн тонн за 2022 год.").isEmpty)
    #expect(AmountExtractor.facts(in: "Meeting on 12 March 2024 in room 101.").isEmpty)
  }

  @Test("Percentages in English, Russian, Turkish and Kazakh shapes")
  func percent() {
    #expect(
      percentages("Trade rose 14.3% and exports 30.4 percent, imports 5 per cent.") == [
        14.3, 30.4, 5,
      ])
    #expect(percentages("Рост на 22 процента, доля — 7,5%.") == [22, 7.5])
    #expect(percentages("Ticaret %14,3 arttı.") == [14.3])
    #expect(percentages("Тауар айналымы 14,3%-ға артты.") == [14.3])
  }

  @Test("People and institutions from the profile, in order of first mention, counted once each")
  func entities() throws {
    let classifier = Classifier(
      profile: try ProfileLoader.parse(
        ClassifierTests.profileText + """

          key_facts:
            people:
              Ilham Aliyev: ["ilham aliyev", "ильхам алиев*", "president aliyev"]
              Kassym-Jomart Tokayev: ["tokayev*", "токаев*"]
            institutions:
              SOCAR: ["socar", "гнкар"]
          """, displayName: "test"))
    let result = classifier.classify(
      title: "Tokayev meets Ilham Aliyev",
      body: "Ильхам Алиев и Токаев обсудили ГНКАР. SOCAR will invest $1 billion.")
    let people = result.keyFacts.filter { $0.kind != .money }
    #expect(people.map(\.text) == ["Kassym-Jomart Tokayev", "Ilham Aliyev", "SOCAR"])
    #expect(people.map(\.count) == [2, 2, 2])
    #expect(people.map(\.kind) == [.person, .person, .institution])
    #expect(result.keyFacts.contains { $0.kind == .money && $0.value == 1e9 })
  }
}
