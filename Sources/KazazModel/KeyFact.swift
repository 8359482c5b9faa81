/// A fact worth showing in a digest: a sum of money, a percentage, or a person or institution the
/// profile knows. Extracted by `KazazClassify` alongside the classification.
public struct KeyFact: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case money, percentage, person, institution
  }

  public var kind: Kind
  /// The words as they appear in the article ("$375.3 million", "300 млн долларов"), or for
  /// people and institutions the profile's display name ("Ilham Aliyev").
  public var text: String
  /// Money: the amount in units of `currency` with the scale applied (1e9 for "$1 billion").
  /// Percentage: the number before the sign. People and institutions: nil.
  public var value: Double?
  /// ISO 4217 code for money ("USD", "EUR", "KZT", "AZN", "RUB", "CNY", "GBP", "TRY").
  public var currency: String?
  /// People and institutions: how many times the article names them.
  public var count: Int?

  public init(
    kind: Kind, text: String, value: Double? = nil, currency: String? = nil, count: Int? = nil
  ) {
    self.kind = kind
    self.text = text
    self.value = value
    self.currency = currency
    self.count = count
  }
}
