/// Where one pattern of a classifier profile is written, and what the profile makes of it.
///
/// The classifier needs only the patterns; a reviewer of the profile file needs their lines, so
/// that a tool judging the entries (`profile lint`) can point at each one.
public struct ProfileEntrySource: Sendable, Equatable {
  public enum Role: Sendable, Equatable {
    /// A scoring term (a side, relation, context, topic, negative or officials entry).
    case term(ClassifierProfile.TermKind)
    /// A pattern naming a key-fact person or institution (its display name).
    case entity(String)
  }

  /// One pattern the entry stands for (an entry written with alternatives, `министр{|а|у}`,
  /// stands for several).
  public var pattern: String
  /// The entry as written in the file.
  public var written: String
  /// The language list it is written under; nil for patterns that belong to no one language
  /// (the spellings of a person's or an institution's name).
  public var language: Language?
  /// The dotted path of the list holding it, e.g. `topics.energy.en`.
  public var section: String
  /// 1-based line of the pattern in the file.
  public var line: Int
  public var weight: Double?
  public var role: Role
  /// Reference data kept from a source (the people and organisations list), not vocabulary
  /// chosen by reading articles: it is complete on purpose, so how often it occurs in a corpus
  /// says nothing about it.
  public var isReferenceData: Bool

  public init(
    pattern: String, written: String? = nil, language: Language?, section: String, line: Int,
    weight: Double?, role: Role, isReferenceData: Bool = false
  ) {
    self.pattern = pattern
    self.written = written ?? pattern
    self.language = language
    self.section = section
    self.line = line
    self.weight = weight
    self.role = role
    self.isReferenceData = isReferenceData
  }
}
