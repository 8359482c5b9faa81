/// The languages the classifier knows, plus `other` for everything else.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
  case en, ru, kk, az, tr, other
}
