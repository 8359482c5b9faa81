import Foundation
import KazazModel

/// Key figures as a reader wants them: grouped by what they quantify, each written the way the
/// article's language writes it — "trade turnover: $500 million, +40%", "товарооборот: +40%,
/// 500 млн долларов", "ticaret hacmi: +%14,3". The facts come from the store (the classifier's
/// one extractor); the subject stays in the article's language, as all feed text does.
enum KeyFigureText {
  /// At most this many subjects (or figures without one) per story.
  static let groupLimit = 4
  /// At most this many figures per subject.
  static let figuresPerGroup = 3

  /// The figures grouped by subject, subjects in order of first mention; a figure without a
  /// subject stands alone.
  static func groups(_ facts: [KeyFact], language: Language) -> [KeyFigureGroup] {
    var groups: [KeyFigureGroup] = []
    for fact in facts where fact.isFigure {
      guard let figure = figure(fact, language: language) else { continue }
      if let subject = fact.subject, let index = groups.firstIndex(where: { $0.subject == subject })
      {
        if groups[index].figures.count < figuresPerGroup, !groups[index].figures.contains(figure) {
          groups[index].figures.append(figure)
        }
      } else if groups.count < groupLimit,
        !groups.contains(where: { $0.subject == nil && $0.figures == [figure] })
      {
        groups.append(KeyFigureGroup(subject: fact.subject, figures: [figure]))
      }
    }
    return groups
  }

  /// One figure, or nil when it has no usable value.
  static func figure(_ fact: KeyFact, language: Language) -> String? {
    guard let value = fact.value, value.isFinite, value >= 0, value < 1e18 else { return nil }
    let words = Words.of(language)
    let sign =
      switch fact.direction {
      case .up: "+"
      case .down: "−"
      case nil: ""
      }
    switch fact.kind {
    case .percentage:
      let number = format(value, words)
      return sign + (words.percentFirst ? "%\(number)" : "\(number)%")
    case .money:
      guard let currency = fact.currency else { return nil }
      return sign + money(value, currency: currency, words)
    case .quantity:
      guard let unit = fact.unit else { return nil }
      let (amount, scale) = scaled(value, words)
      return sign
        + [amount, scale, words.units[unit] ?? unit].compactMap { $0 }.joined(
          separator: " ")
    case .person, .institution:
      return nil
    }
  }

  static func money(_ value: Double, currency: String, _ words: Words) -> String {
    let (amount, scale) = scaled(value, words)
    if let symbol = words.symbols[currency] {
      return symbol + ([amount, scale].compactMap { $0 }.joined(separator: " "))
    }
    return [amount, scale, words.currencies[currency] ?? currency].compactMap { $0 }.joined(
      separator: " ")
  }

  /// The number and its scale word: 375300000 → ("375.3", "million"); below a million the whole
  /// number, grouped ("350,000").
  static func scaled(_ value: Double, _ words: Words) -> (String, String?) {
    for (size, name) in zip([1e12, 1e9, 1e6], words.scales) where value >= size {
      return (format(value / size, words), name)
    }
    return (format(value, words), nil)
  }

  /// At most two decimals, trailing zeros dropped, thousands grouped.
  static func format(_ value: Double, _ words: Words) -> String {
    let hundredths = (value * 100).rounded()
    let whole = (hundredths / 100).rounded(.down)
    // Between 0 and 99 for any value below the 1e18 the callers allow.
    let fraction = min(99, max(0, Int(hundredths - whole * 100)))
    var digits = String(format: "%.0f", whole)
    if whole >= 10_000 {
      var grouped = ""
      for (index, digit) in digits.reversed().enumerated() {
        if index > 0, index % 3 == 0 { grouped.append(words.groupSeparator) }
        grouped.append(digit)
      }
      digits = String(grouped.reversed())
    }
    guard fraction > 0 else { return digits }
    let decimals = fraction % 10 == 0 ? "\(fraction / 10)" : String(format: "%02d", fraction)
    return digits + words.decimalSeparator + decimals
  }

  /// How a language writes figures.
  struct Words {
    var decimalSeparator: String
    var groupSeparator: Character
    /// Trillion, billion, million.
    var scales: [String]
    /// Currencies written as a symbol before the number.
    var symbols: [String: String]
    /// Currencies written as a word after the number and its scale.
    var currencies: [String: String]
    var units: [String: String]
    /// Turkish writes "%14,3".
    var percentFirst = false

    static func of(_ language: Language) -> Words {
      switch language {
      case .ru: russian
      case .kk: kazakh
      case .az: azerbaijani
      case .tr: turkish
      case .en, .other: english
      }
    }

    static let english = Words(
      decimalSeparator: ".", groupSeparator: ",", scales: ["trillion", "billion", "million"],
      symbols: ["USD": "$", "EUR": "€", "GBP": "£"],
      currencies: [
        "KZT": "tenge", "AZN": "manats", "RUB": "roubles", "CNY": "yuan", "TRY": "lira",
      ],
      units: ["t": "tonnes", "TEU": "TEU", "bbl": "barrels", "m3": "cubic metres"])
    // After a scale word ("млн") Russian takes the genitive plural for every number.
    static let russian = Words(
      decimalSeparator: ",", groupSeparator: " ", scales: ["трлн", "млрд", "млн"], symbols: [:],
      currencies: [
        "USD": "долларов", "EUR": "евро", "KZT": "тенге", "AZN": "манатов", "RUB": "рублей",
        "CNY": "юаней", "GBP": "фунтов стерлингов", "TRY": "лир",
      ],
      units: ["t": "тонн", "TEU": "TEU", "bbl": "баррелей", "m3": "кубометров"])
    // Kazakh, Azerbaijani and Turkish nouns stay singular after a number.
    static let kazakh = Words(
      decimalSeparator: ",", groupSeparator: " ", scales: ["трлн", "млрд", "млн"], symbols: [:],
      currencies: [
        "USD": "доллар", "EUR": "еуро", "KZT": "теңге", "AZN": "манат", "RUB": "рубль",
        "CNY": "юань", "GBP": "фунт", "TRY": "лира",
      ],
      units: ["t": "тонна", "TEU": "TEU", "bbl": "баррель", "m3": "текше метр"])
    static let azerbaijani = Words(
      decimalSeparator: ",", groupSeparator: " ", scales: ["trilyon", "milyard", "milyon"],
      symbols: [:],
      currencies: [
        "USD": "dollar", "EUR": "avro", "KZT": "tenge", "AZN": "manat", "RUB": "rubl",
        "CNY": "yuan", "GBP": "funt", "TRY": "lirə",
      ],
      units: ["t": "ton", "TEU": "TEU", "bbl": "barel", "m3": "kubmetr"])
    static let turkish = Words(
      decimalSeparator: ",", groupSeparator: ".", scales: ["trilyon", "milyar", "milyon"],
      symbols: [:],
      currencies: [
        "USD": "dolar", "EUR": "avro", "KZT": "tenge", "AZN": "manat", "RUB": "ruble",
        "CNY": "yuan", "GBP": "sterlin", "TRY": "lira",
      ],
      units: ["t": "ton", "TEU": "TEU", "bbl": "varil", "m3": "metreküp"], percentFirst: true)
  }
}

/// Figures that quantify one thing: "trade turnover" with "$500 million" and "+40%".
public struct KeyFigureGroup: Sendable, Equatable {
  /// What they quantify, in the article's language; nil for a figure whose sentence names nothing.
  public var subject: String?
  public var figures: [String]

  public init(subject: String?, figures: [String]) {
    self.subject = subject
    self.figures = figures
  }

  /// "trade turnover: $500 million, +40%".
  public var text: String {
    let joined = figures.joined(separator: ", ")
    return subject.map { "\($0): \(joined)" } ?? joined
  }
}
