/// A topic identifier. The fifteen identifiers are part of the product's contract: the store,
/// the digests and the JSON outputs all use these strings.
public struct TopicID: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public static func < (lhs: TopicID, rhs: TopicID) -> Bool {
    (lhs.canonicalIndex, lhs.rawValue) < (rhs.canonicalIndex, rhs.rawValue)
  }

  /// Position in `TopicID.all`, or `Int.max` for an identifier outside the contract.
  public var canonicalIndex: Int { Self.all.firstIndex(of: self) ?? Int.max }

  /// Every topic, in the order digests present them.
  public static let all: [TopicID] = [
    "politics-diplomacy", "trade-economy", "investment-finance", "energy", "transport-logistics",
    "digital-telecom", "culture-humanitarian", "education-science", "media-information",
    "youth-sports", "religion", "regional-integration", "reconstruction", "agriculture",
    "security-defense",
  ].map(TopicID.init(rawValue:))

  public static func isKnown(_ raw: String) -> Bool { all.contains(TopicID(rawValue: raw)) }
}
