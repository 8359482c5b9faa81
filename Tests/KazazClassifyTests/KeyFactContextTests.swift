import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

/// Figures with their meaning: the subject each figure quantifies, read from the words around it
/// within its sentence, whether it is a change, and volumes with their units.
@Suite("Key facts with their subjects")
struct KeyFactContextTests {
  /// "subject: text" (or "- : text") and a sign for changes, for every figure.
  func described(_ text: String) -> [String] {
    AmountExtractor.facts(in: text).filter(\.isFigure).map { fact in
      let sign =
        switch fact.direction {
        case .up: "+"
        case .down: "-"
        case nil: ""
        }
      return "\(fact.subject ?? "-"): \(sign)\(fact.text)"
    }
  }

  @Test(
    "The subject before the figure, in each language",
    arguments: [
      (
        "Trade turnover between the two countries reached $500 million, up 40% on last year.",
        ["trade turnover: $500 million", "trade turnover: +40%"]
      ),
      (
        "Объем двустороннего товарооборота вырос на 40%, достигнув полумиллиарда долларов.",
        ["товарооборот: +40%", "товарооборот: полумиллиарда долларов"]
      ),
      (
        "Қазақстан мен Әзербайжан арасындағы тауар айналымы 14,3%-ға артты.",
        ["тауар айналымы: +14,3%"]
      ),
      (
        "Azərbaycan ilə Qazaxıstan arasında ticarət dövriyyəsi 14,3% artıb.",
        ["ticarət dövriyyəsi: +14,3%"]
      ),
      (
        "İki ülke arasındaki ticaret hacmi %14,3 arttı ve 500 milyon dolara ulaştı.",
        ["ticaret hacmi: +%14,3", "ticaret hacmi: 500 milyon dolara"]
      ),
    ])
  func subjectBefore(_ text: String, _ expected: [String]) {
    #expect(described(text) == expected)
  }

  @Test("Each figure takes the nearest subject: exports, then imports in the same sentence")
  func nearest() {
    #expect(
      described(
        "Kazakhstan's exports to Azerbaijan increased by 30.4 percent and amounted to $375.3 million, while imports grew by 95.2 percent, amounting to $86.6 million."
      ) == [
        "exports: +30.4 percent", "exports: $375.3 million", "imports: +95.2 percent",
        "imports: $86.6 million",
      ])
  }

  @Test("A vague word gives way to a specific one nearby; with none, it stands")
  func vague() {
    #expect(
      described(
        "Решено создать совместный инвестиционный фонд с начальной суммой в 300 млн долларов.")
        == ["инвестиционный фонд: 300 млн долларов"])
    #expect(described("The total amount is $2.5 million.") == ["amount: $2.5 million"])
  }

  @Test("The subject after the figure when none comes before it")
  func subjectAfter() {
    #expect(
      described("Планируется привлечь 1 млрд долларов инвестиций в Каспийский регион.") == [
        "инвестиции: 1 млрд долларов"
      ])
    #expect(described("About $120 million in loans was agreed.") == ["loan: $120 million"])
  }

  @Test("\"This figure\" refers back to the subject of the figure before it")
  func reference() {
    #expect(
      described(
        "Товарооборот вырос на 40%. По словам президента, этот показатель может быть увеличен до 1 миллиарда долларов."
      ) == ["товарооборот: +40%", "товарооборот: 1 миллиарда долларов"])
  }

  @Test("A subject is never taken from another sentence, nor across the headline's end")
  func sentenceBounds() {
    #expect(
      described("Exports rose last year. The ministry said 35% was too little.") == ["-: 35%"])
    // "Dec." and an initial do not end the sentence; the figure still finds its subject.
    #expect(
      described("Trade with Baku since Dec. 5 under K. Tokayev reached $12.5 million.") == [
        "trade: $12.5 million"
      ])
    let headline = Array("Exports to Baku".unicodeScalars)
    let body = Array(" 15% more grain was shipped.".unicodeScalars)
    let facts = AmountExtractor.facts(in: headline + body, sentenceBreaks: [headline.count])
    #expect(facts.map(\.subject) == ["grain"])
  }

  @Test("Amounts change only after a growth word and \"by\": \"rose to\" is a level")
  func amountChanges() {
    #expect(
      described("Investment grew by $5.5 million and rose to $80.2 million.") == [
        "investment: +$5.5 million", "investment: $80.2 million",
      ])
    #expect(described("Экспорт сократился на 12,5%.") == ["экспорт: -12,5%"])
  }

  @Test(
    "Volumes: tonnes, TEU, barrels and cubic metres with their scale",
    arguments: [
      ("Cargo transit reached 3.1 million tonnes.", "t", 3.1e6, "cargo transit"),
      ("Грузооборот составил 3,1 млн т за год.", "t", 3.1e6, "грузооборот"),
      ("The port handled 120,000 TEU of container traffic.", "TEU", 120_000, "container traffic"),
      ("Экспорт нефти — 1,2 млн баррелей в сутки.", "bbl", 1.2e6, "нефть"),
      ("Gas supplies will reach 10 bcm a year.", "m3", 10e9, "supplies"),
      ("Поставки газа составят 2,5 млрд кубометров.", "m3", 2.5e9, "газ"),
      ("Yük daşımaları 5 milyon ton olub.", "t", 5e6, "daşımalar"),
      ("Neft tranziti 2,2 milyon tona çatacaq.", "t", 2.2e6, "tranzit"),
      ("İhracat 2 milyon varil oldu.", "bbl", 2e6, "ihracat"),
    ])
  func volumes(_ text: String, _ unit: String, _ value: Double, _ subject: String) {
    let facts = AmountExtractor.facts(in: text).filter { $0.kind == .quantity }
    #expect(facts.count == 1)
    #expect(facts.first?.unit == unit)
    #expect(abs((facts.first?.value ?? 0) - value) < 1e-3 * value)
    #expect(facts.first?.subject == subject)
  }

  @Test("Half a million or a billion in words, and numbers of people are not volumes")
  func words() {
    let half = AmountExtractor.facts(in: "Turnover reached half a billion dollars.")
    #expect(half.map(\.value) == [5e8] && half.first?.currency == "USD")
    #expect(
      AmountExtractor.facts(in: "Сумма составила полмиллиона тенге.").map(\.value) == [5e5])
    #expect(AmountExtractor.facts(in: "Полмиллиарда лет назад.").isEmpty)
    #expect(AmountExtractor.facts(in: "3.7 million people and 20 tonsils").isEmpty)
  }

  @Test("The classifier reads subjects for relevant articles only; others keep bare figures")
  func relevantOnly() throws {
    let classifier = Classifier(
      profile: try ProfileLoader.parse(ClassifierTests.profileText, displayName: "test"))
    let relevant = classifier.classify(
      title: "Kazakhstan and Azerbaijan raise trade turnover",
      body: "Trade turnover between Kazakhstan and Azerbaijan grew by 12.5% to $375.3 million.")
    #expect(relevant.relevant)
    #expect(
      relevant.keyFacts.filter(\.isFigure).map(\.subject) == ["trade turnover", "trade turnover"])
    #expect(relevant.keyFacts.first?.direction == .up)
    let other = classifier.classify(
      title: "Kazakhstan raises its key rate", body: "Trade turnover of Kazakhstan grew by 12.5%.")
    #expect(!other.relevant)
    #expect(other.keyFacts.map(\.value) == [12.5] && other.keyFacts.first?.subject == nil)
    let bare = AmountExtractor.facts(
      in: Array("Exports grew by 5%.".unicodeScalars), context: false)
    #expect(bare.map(\.value) == [5] && bare.first?.direction == nil)
  }

  @Test("The same figure for two subjects is kept twice; for one subject, once")
  func repeats() {
    #expect(
      described("Exports rose 5%, imports rose 5%, and exports rose 5% again.") == [
        "exports: +5%", "imports: +5%",
      ])
  }
}

@Suite("Key facts of hostile texts")
struct HostileKeyFactTests {
  @Test("A hundred thousand figures: at most the limit, quickly bounded, no trap")
  func many() {
    let half = String(repeating: "полмиллиарда долларов, ", count: 100_000)
    #expect(AmountExtractor.facts(in: half).count == 1)
    let percents = (0..<100_000).map { "экспорт вырос на \($0)%" }.joined(separator: "; ")
    #expect(AmountExtractor.facts(in: percents).count == AmountExtractor.limit)
    let huge = "Trade reached $" + String(repeating: "9", count: 400) + " billion."
    #expect(AmountExtractor.facts(in: huge).isEmpty)
  }
}
