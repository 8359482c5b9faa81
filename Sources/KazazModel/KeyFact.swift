/// A fact worth showing in a digest: a sum of money, a percentage, a volume (tonnes, TEU,
/// barrels, cubic metres), or a person or institution the profile knows. Extracted by
/// `KazazClassify` alongside the classification, stored with it, and read by digests and by the
/// store's join of one event's reports in several languages.
public struct KeyFact: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case money, percentage, quantity, person, institution
  }

  /// Which way a figure moved, when the words around it say so ("grew by 40%", "снизился на 5%").
  public enum Direction: String, Sendable, Hashable, Codable {
    case up, down
  }

  public var kind: Kind
  /// The words as they appear in the article ("$375.3 million", "300 млн долларов"), or for
  /// people and institutions the profile's display name ("Ilham Aliyev").
  public var text: String
  /// Money: the amount in units of `currency` with the scale applied (1e9 for "$1 billion").
  /// Percentage: the number before the sign. Quantity: the amount in `unit` with the scale
  /// applied. People and institutions: nil.
  public var value: Double?
  /// ISO 4217 code for money ("USD", "EUR", "KZT", "AZN", "RUB", "CNY", "GBP", "TRY").
  public var currency: String?
  /// Quantities: "t" (tonnes), "TEU", "bbl" (barrels) or "m3" (cubic metres).
  public var unit: String?
  /// What the figure quantifies, in the article's language and in its dictionary form ("trade
  /// turnover", "товарооборот"), when the words around it in its sentence name it.
  public var subject: String?
  /// A change rather than a level: "+40%" for "grew by 40%".
  public var direction: Direction?
  /// People and institutions: how many times the article names them.
  public var count: Int?

  public init(
    kind: Kind, text: String, value: Double? = nil, currency: String? = nil, unit: String? = nil,
    subject: String? = nil, direction: Direction? = nil, count: Int? = nil
  ) {
    self.kind = kind
    self.text = text
    self.value = value
    self.currency = currency
    self.unit = unit
    self.subject = subject
    self.direction = direction
    self.count = count
  }

  /// Money, percentages and quantities: the facts that are numbers.
  public var isFigure: Bool { kind == .money || kind == .percentage || kind == .quantity }
}
