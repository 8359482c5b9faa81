import Foundation
import KazazModel
import KazazText

/// A profile compiled for matching: every distinct normalised pattern once in one automaton,
/// each carrying the roles the profile gave it. Built once per profile load.
///
/// A second, small automaton holds the `KazakhSkeleton` of every Kazakh term (and of the key-fact
/// names written in Cyrillic), for documents in Latin Kazakh. Its patterns are numbered after
/// the first automaton's (from `kazakhLatinOffset`), so roles, display forms and entities are
/// looked up the same way for both.
public struct CompiledProfile: Sendable {
  /// One role of a pattern (a pattern may mark a side and a topic at once).
  struct Role: Sendable {
    var kind: ClassifierProfile.TermKind
    var weight: Double
    /// The evidence kind, and a small integer for it (`slotCount` of them) for fast tallies.
    var evidence: EvidenceKind
    var slot: Int
    /// For a topic role, the topic's position in `topics`; otherwise -1.
    var topic: Int
  }

  /// Evidence kinds as small integers: the sides, relation, context, negative, officials (leaders
  /// and sector officials share one, so that "president of SOCAR" hides its "president"),
  /// cooperation, then one per topic.
  static let slotCount = 7 + TopicID.all.count + 1

  static func slot(_ kind: EvidenceKind) -> Int {
    switch kind {
    case .kazakhstan: 0
    case .azerbaijan: 1
    case .relation: 2
    case .context: 3
    case .negative: 4
    case .leader, .sectorOfficial: 5
    case .cooperation: 6
    case .topic(let topic): 7 + min(topic.canonicalIndex, TopicID.all.count)
    }
  }

  public let profile: ClassifierProfile
  let matcher: TermMatcher
  /// The skeletons of the Kazakh terms; its pattern `i` is pattern `kazakhLatinOffset + i`.
  let kazakhLatinMatcher: TermMatcher
  var kazakhLatinOffset: Int { matcher.patternCount }
  /// Display form of each pattern (as written in the profile, first occurrence).
  let displayPatterns: [String]
  /// Each pattern's display form ranked in `String` order (equal forms share a rank), so that
  /// evidence sorts by term without comparing strings.
  let termRanks: [Int]
  let roles: [[Role]]
  /// The topics the profile's terms name, in order of first appearance.
  let topics: [TopicID]
  /// For each pattern, the profile entities (key-fact people and institutions) it names.
  let entities: [[Int]]

  /// Distinct patterns with their display forms, roles and entities, as they are collected.
  private struct PatternTable {
    var index: [TermMatcher.Pattern: Int] = [:]
    var patterns: [TermMatcher.Pattern] = []
    var display: [String] = []
    var roles: [[Role]] = []
    var entities: [[Int]] = []

    mutating func slot(for pattern: TermMatcher.Pattern, display text: String) -> Int {
      if let existing = index[pattern] { return existing }
      index[pattern] = patterns.count
      patterns.append(pattern)
      display.append(text)
      roles.append([])
      entities.append([])
      return patterns.count - 1
    }

    /// Adds a term's role; the same pattern listed for several languages (or, as skeletons, in
    /// several spellings) keeps its strongest weight per role.
    mutating func add(
      _ term: ClassifierProfile.Term, pattern: TermMatcher.Pattern, topics: inout [TopicID]
    ) {
      let slot = slot(for: pattern, display: term.pattern)
      if let existing = roles[slot].firstIndex(where: { $0.kind == term.kind }) {
        roles[slot][existing].weight = max(roles[slot][existing].weight, term.weight)
        return
      }
      let evidence = EvidenceTally.evidenceKind(term.kind)
      var topicIndex = -1
      if case .topic(let topic) = term.kind {
        topicIndex = topics.firstIndex(of: topic) ?? topics.count
        if topicIndex == topics.count { topics.append(topic) }
      }
      roles[slot].append(
        Role(
          kind: term.kind, weight: term.weight, evidence: evidence,
          slot: CompiledProfile.slot(evidence), topic: topicIndex))
    }

    mutating func add(entity: Int, pattern: TermMatcher.Pattern, display text: String) {
      let slot = slot(for: pattern, display: text)
      if !entities[slot].contains(entity) { entities[slot].append(entity) }
    }
  }

  public init(_ profile: ClassifierProfile) {
    self.profile = profile
    var topics: [TopicID] = []
    var table = PatternTable()
    for term in profile.terms {
      guard let pattern = Self.compile(term.pattern) else { continue }
      table.add(term, pattern: pattern, topics: &topics)
    }
    for (entity, definition) in profile.entities.enumerated() {
      for text in definition.patterns {
        guard let pattern = Self.compile(text) else { continue }
        table.add(entity: entity, pattern: pattern, display: text)
      }
    }
    var skeletons = PatternTable()
    for term in profile.terms where term.language == .kk {
      guard let pattern = Self.compileSkeleton(term.pattern) else { continue }
      skeletons.add(term, pattern: pattern, topics: &topics)
    }
    for (entity, definition) in profile.entities.enumerated() {
      for text in definition.patterns where text.unicodeScalars.contains(where: Self.isCyrillic) {
        guard let pattern = Self.compileSkeleton(text) else { continue }
        skeletons.add(entity: entity, pattern: pattern, display: text)
      }
    }
    matcher = TermMatcher(patterns: table.patterns)
    kazakhLatinMatcher = TermMatcher(patterns: skeletons.patterns)
    let display = table.display + skeletons.display
    let roles = table.roles + skeletons.roles
    let entities = table.entities + skeletons.entities
    displayPatterns = display
    var ranks = [Int](repeating: 0, count: display.count)
    var rank = -1
    var previous: String?
    for index in display.indices.sorted(by: { display[$0] < display[$1] }) {
      if display[index] != previous { rank += 1 }
      previous = display[index]
      ranks[index] = rank
    }
    termRanks = ranks
    self.roles = roles
    self.entities = entities
    self.topics = topics
  }

  /// Turns a profile pattern (`kazakh-azerbaijani*`) into normalised words plus a prefix flag.
  /// Returns nil for a pattern with no letters.
  public static func compile(_ pattern: String) -> TermMatcher.Pattern? {
    compile(pattern, spelling: TextNormalizer.normalize)
  }

  /// As `compile`, in `KazakhSkeleton`s (`қазақстан мен әзірбайжан*` → `kazakstan men
  /// azirbaijan`, a prefix).
  static func compileSkeleton(_ pattern: String) -> TermMatcher.Pattern? {
    compile(pattern, spelling: KazakhSkeleton.normalize)
  }

  private static func compile(
    _ pattern: String, spelling: (String) -> String
  ) -> TermMatcher.Pattern? {
    let trimmed = trimmingSpaces(pattern)
    let isPrefix = trimmed.hasSuffix("*")
    let words = spelling(isPrefix ? String(trimmed.dropLast()) : trimmed)
    guard !words.isEmpty else { return nil }
    return TermMatcher.Pattern(words: words, isPrefix: isPrefix)
  }

  private static let spaces = CharacterSet.whitespaces

  /// `text` without leading and trailing `CharacterSet.whitespaces`, as `trimmingCharacters`
  /// gives it, without that call's cost (a string bridge) for each of thousands of patterns.
  static func trimmingSpaces(_ text: String) -> String {
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x80 ? scalar == " " || scalar == "\t" : spaces.contains(scalar)
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) {
      return text
    }
    return String(scalars[first...last])
  }

  private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
    MixedScript.script(scalar.value) == MixedScript.cyrillic
  }
}
