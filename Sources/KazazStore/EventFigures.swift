import Foundation
import KazazModel

/// The figures that tie reports of one event in different languages together, taken from the
/// classifier's key facts (the one figure extractor): an amount with its currency, a percentage,
/// a volume with its unit, written the same whatever the language — "$375.3 million" and
/// "375,3 млн долларов" are both `USD 3.753e+08`.
///
/// Only distinctive figures count: at least three significant digits ("30.4%", "$375.3
/// million"), not round ones ("40%", "$1 billion") that many unrelated stories share.
enum EventFigures {
  static let minimumSignificantDigits = 3
  /// At most this many figures of one item are indexed.
  static let limit = 40

  /// The distinctive figures of `facts`, each once, in order.
  static func keys(of facts: [KeyFact]) -> [String] {
    var keys: [String] = []
    for fact in facts where fact.isFigure {
      guard let key = key(of: fact), !keys.contains(key) else { continue }
      keys.append(key)
      if keys.count == limit { break }
    }
    return keys
  }

  /// `USD 3.753e+08`, `% 30.4`, `t 3.1e+06`; nil for a figure that is not distinctive.
  static func key(of fact: KeyFact) -> String? {
    guard let value = fact.value, value.isFinite, value > 0 else { return nil }
    let number = String(format: "%.6g", value)
    guard significantDigits(number) >= minimumSignificantDigits else { return nil }
    let unit =
      switch fact.kind {
      case .money: fact.currency ?? "?"
      case .percentage: "%"
      case .quantity: fact.unit ?? "?"
      case .person, .institution: ""
      }
    return "\(unit) \(number)"
  }

  /// The significant digits of a number written by `%g`: "3.753e+08" has 4, "40" has 1.
  static func significantDigits(_ number: String) -> Int {
    let mantissa = number.prefix { $0 != "e" }.filter(\.isNumber)
    return mantissa.drop { $0 == "0" }.reversed().drop { $0 == "0" }.count
  }
}
