import Foundation
import KazazModel
import Yams

/// Reads a classifier profile file (`config/profiles/*.yaml`) into a `ClassifierProfile`.
///
/// The file lists, per language, `pattern: weight` pairs for each side of the relation, the
/// compound relation forms, the fifteen topics (in digest order), the negative evidence and who
/// acts for politics (leaders) or for one sector (sector officials); the people and
/// organisations of both countries as dated, sourced reference data (`actors`, see
/// `ProfileActors`). A pattern may hold alternatives, `министр{|а|у}` (`PatternAlternatives`).
public enum ProfileLoader {
  static let topLevelKeys = [
    "version", "name", "thresholds", "regions", "sides", "relation", "context", "cooperation",
    "topics",
    "negative", "officials", "key_facts", "actors",
  ]
  static let thresholdKeys = [
    "relevance", "side_minimum", "balance", "list_focus", "sports", "incident_focus", "incidents",
    "multilateral",
    "topic",
    "topic_relative", "topic_sentence", "topic_sentences", "topic_list", "topic_cooperation_list",
    "topic_clear_sentence", "topic_clear_term",
    "topic_nearby",
    "sector_politics",
  ]
  static let regionKeys = ["title", "lead", "body"]
  static let sideKeys = ["kazakhstan", "azerbaijan"]
  static let negativeKeys = ["other_countries", "sports", "incidents", "multilateral"]
  static let officialKeys = ["leaders", "sector"]
  static let keyFactKeys = ["people", "institutions"]
  static let languageKeys = Language.allCases.filter { $0 != .other }.map(\.rawValue)

  public static func load(path: String) throws(ConfigError) -> ClassifierProfile {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw ConfigError(problems: [
        ConfigProblem(file: path, line: nil, column: nil, message: "cannot read the profile file")
      ])
    }
    return try parse(text, displayName: path)
  }

  public static func parse(_ text: String, displayName: String) throws(ConfigError)
    -> ClassifierProfile
  {
    try parseSource(text, displayName: displayName).profile
  }

  /// Loads a profile file together with where each of its patterns is written.
  public static func loadSource(path: String) throws(ConfigError) -> (
    profile: ClassifierProfile, entries: [ProfileEntrySource], text: String
  ) {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw ConfigError(problems: [
        ConfigProblem(file: path, line: nil, column: nil, message: "cannot read the profile file")
      ])
    }
    let (profile, entries) = try parseSource(text, displayName: path)
    return (profile, entries, text)
  }

  /// Parses a profile and lists every pattern with its line, section and role.
  public static func parseSource(_ text: String, displayName: String) throws(ConfigError) -> (
    profile: ClassifierProfile, entries: [ProfileEntrySource]
  ) {
    let reader = NodeReader(file: displayName)
    var sources: [ProfileEntrySource] = []
    guard let root = reader.root(of: text) else { throw ConfigError(problems: reader.problems) }
    var profile = ClassifierProfile(
      name: "profile", version: "0",
      thresholds: .init(relevance: 6, sideMinimum: 2, topic: 2),
      regions: .init(title: 3, lead: 2, body: 1), topicOrder: [], terms: [])

    for (key, _, value) in reader.entries(root, allowed: topLevelKeys, context: "profile") {
      switch key {
      case "version": profile.version = reader.string(value, "version") ?? profile.version
      case "name": profile.name = reader.string(value, "name") ?? profile.name
      default: apply(section: key, value, reader, to: &profile, sources: &sources)
      }
    }
    for required in ["version", "sides", "topics"] where !root.keys.contains(Node(required)) {
      reader.problem("profile: missing required key \"\(required)\"", at: nil)
    }
    let missingTopics = TopicID.all.filter { !profile.topicOrder.contains($0) }
    if root.keys.contains(Node("topics")), !missingTopics.isEmpty {
      reader.problem(
        "topics: missing \(missingTopics.map(\.rawValue).joined(separator: ", "))",
        at: root["topics"])
    }
    guard reader.problems.isEmpty else { throw ConfigError(problems: reader.problems) }
    return (profile, sources)
  }

  /// Reads one section of a profile (any top-level key but `version` and `name`) into `profile`:
  /// thresholds and region weights are set, entries are appended. The override file
  /// (`ProfileOverride`) reads its sections with this too, so both files share one syntax.
  static func apply(
    section key: String, _ value: Node, _ reader: NodeReader,
    to profile: inout ClassifierProfile, sources: inout [ProfileEntrySource]
  ) {
    switch key {
    case "thresholds": thresholds(value, reader, into: &profile.thresholds)
    case "regions": regions(value, reader, into: &profile.regions)
    case "sides":
      profile.terms += grouped(
        value, "sides", allowed: sideKeys, reader, sources: &sources,
        kind: { $0 == "kazakhstan" ? .kazakhstan : .azerbaijan })
    case "relation":
      profile.terms += terms(
        value, kind: .relation, context: "relation", reader, sources: &sources)
    case "context":
      profile.terms += terms(
        value, kind: .context, context: "context", reader, sources: &sources)
    case "cooperation":
      profile.terms += terms(
        value, kind: .cooperation, context: "cooperation", reader, sources: &sources)
    case "topics":
      // Grouped like the others, and listed in the file's order (digests follow it).
      guard let mapping = reader.mapping(value, "topics") else { return }
      let known = TopicID.all.map(\.rawValue)
      for (topic, _, languages) in reader.entries(mapping, allowed: known, context: "topics") {
        let id = TopicID(rawValue: topic)
        profile.topicOrder.append(id)
        profile.terms += terms(
          languages, kind: .topic(id), context: "topics.\(topic)", reader, sources: &sources)
      }
    case "negative":
      profile.terms += grouped(
        value, "negative", allowed: negativeKeys, reader, sources: &sources,
        kind: {
          switch $0 {
          case "sports": .sports
          case "incidents": .incident
          case "multilateral": .multilateral
          default: .otherCountry
          }
        })
    case "officials":
      profile.terms += grouped(
        value, "officials", allowed: officialKeys, reader, sources: &sources,
        kind: { $0 == "leaders" ? .leader : .sectorOfficial })
    case "key_facts":
      profile.entities += entities(value, reader, sources: &sources)
    case "actors":
      actors(value, reader, profile: &profile, sources: &sources)
    default: break
    }
  }

  /// A section of named groups, each a list of terms per language (`sides`, `topics`,
  /// `negative`, `officials`); `kind` says what a group's terms mark.
  private static func grouped(
    _ value: Node, _ section: String, allowed: [String], _ reader: NodeReader,
    sources: inout [ProfileEntrySource], kind: (String) -> ClassifierProfile.TermKind
  ) -> [ClassifierProfile.Term] {
    guard let mapping = reader.mapping(value, section) else { return [] }
    var found: [ClassifierProfile.Term] = []
    for (group, _, languages) in reader.entries(mapping, allowed: allowed, context: section) {
      found += terms(
        languages, kind: kind(group), context: "\(section).\(group)", reader, sources: &sources)
    }
    return found
  }

  private static func thresholds(
    _ value: Node, _ reader: NodeReader, into thresholds: inout ClassifierProfile.Thresholds
  ) {
    guard let mapping = reader.mapping(value, "thresholds") else { return }
    for (name, _, node) in reader.entries(mapping, allowed: thresholdKeys, context: "thresholds") {
      guard let number = reader.number(node, "thresholds.\(name)") else { continue }
      /// The value as a count of at least `minimum`, or nil with the problem reported.
      func wholeNumber(from minimum: Int) -> Int? {
        guard let count = Int(exactly: number), count >= minimum else {
          reader.problem("thresholds.\(name): must be a whole number from \(minimum)", at: node)
          return nil
        }
        return count
      }
      switch name {
      case "relevance": thresholds.relevance = number
      case "side_minimum": thresholds.sideMinimum = number
      case "balance": thresholds.balance = number
      case "list_focus":
        guard number > 0 else {
          reader.problem("thresholds.list_focus: must be greater than 0", at: node)
          continue
        }
        thresholds.listFocus = number
      case "sports": thresholds.sports = number
      case "incident_focus":
        guard number > 0 else {
          reader.problem("thresholds.incident_focus: must be greater than 0", at: node)
          continue
        }
        thresholds.incidentFocus = number
      case "incidents": thresholds.incidents = number
      case "multilateral": thresholds.multilateral = number
      case "topic_relative": thresholds.topicRelative = number
      case "topic_sentence": thresholds.topicSentence = number
      case "topic_clear_sentence": thresholds.topicClearSentence = number
      case "topic_clear_term": thresholds.topicClearTerm = number
      case "topic_sentences":
        thresholds.topicSentences = wholeNumber(from: 1) ?? thresholds.topicSentences
      case "topic_list":
        thresholds.topicList = wholeNumber(from: 2) ?? thresholds.topicList
      case "topic_cooperation_list":
        thresholds.topicCooperationList = wholeNumber(from: 2) ?? thresholds.topicCooperationList
      case "topic_nearby": thresholds.topicNearby = number
      case "sector_politics": thresholds.sectorPolitics = number
      default: thresholds.topic = number
      }
    }
  }

  private static func regions(
    _ value: Node, _ reader: NodeReader, into regions: inout ClassifierProfile.RegionWeights
  ) {
    guard let mapping = reader.mapping(value, "regions") else { return }
    for (name, _, number) in reader.entries(mapping, allowed: regionKeys, context: "regions") {
      guard let number = reader.number(number, "regions.\(name)") else { continue }
      switch name {
      case "title": regions.title = number
      case "lead": regions.lead = number
      default: regions.body = number
      }
    }
  }

  /// `{people: {Display Name: [pattern, …]}, institutions: …}` → entities.
  private static func entities(
    _ node: Node, _ reader: NodeReader, sources: inout [ProfileEntrySource]
  ) -> [ClassifierProfile.Entity] {
    guard let groups = reader.mapping(node, "key_facts") else { return [] }
    var result: [ClassifierProfile.Entity] = []
    for (group, _, names) in reader.entries(groups, allowed: keyFactKeys, context: "key_facts") {
      let kind: ClassifierProfile.Entity.Kind = group == "people" ? .person : .institution
      guard let mapping = reader.mapping(names, "key_facts.\(group)") else { continue }
      for (nameNode, patternsNode) in mapping {
        guard let name = nameNode.string, !name.isEmpty else {
          reader.problem("key_facts.\(group): a name must be text", at: nameNode)
          continue
        }
        guard let list = reader.sequence(patternsNode, "key_facts.\(group).\(name)") else {
          continue
        }
        var patterns: [String] = []
        for item in list {
          guard let pattern = item.string, !pattern.isEmpty else {
            reader.problem("key_facts.\(group).\(name): a pattern must be text", at: item)
            continue
          }
          let section = "key_facts.\(group).\(name)"
          guard let forms = forms(of: pattern, at: item, context: section, reader) else {
            continue
          }
          for form in forms {
            patterns.append(form)
            sources.append(
              ProfileEntrySource(
                pattern: form, written: pattern, language: nil, section: section,
                line: item.mark?.line ?? 0, weight: nil, role: .entity(name),
                isReferenceData: true))
          }
        }
        result.append(.init(name: name, kind: kind, patterns: patterns))
      }
    }
    return result
  }

  /// `{en: {pattern: weight, …}, ru: …}` → terms.
  private static func terms(
    _ node: Node, kind: ClassifierProfile.TermKind, context: String, _ reader: NodeReader,
    sources: inout [ProfileEntrySource]
  ) -> [ClassifierProfile.Term] {
    guard let languages = reader.mapping(node, context) else { return [] }
    var result: [ClassifierProfile.Term] = []
    for (code, _, patterns) in reader.entries(languages, allowed: languageKeys, context: context) {
      let language = Language(rawValue: code) ?? .other
      if case .scalar(let scalar) = patterns, ["", "~", "null"].contains(scalar.string) {
        continue
      }
      guard let mapping = reader.mapping(patterns, "\(context).\(code)") else { continue }
      for (patternNode, weightNode) in mapping {
        guard let pattern = patternNode.string, !pattern.isEmpty else {
          reader.problem("\(context).\(code): a pattern must be text", at: patternNode)
          continue
        }
        guard
          let forms = forms(of: pattern, at: patternNode, context: "\(context).\(code)", reader),
          let weight = reader.number(weightNode, "\(context).\(code).\(pattern)")
        else { continue }
        for form in forms {
          result.append(.init(pattern: form, language: language, kind: kind, weight: weight))
          sources.append(
            ProfileEntrySource(
              pattern: form, written: pattern, language: language, section: "\(context).\(code)",
              line: patternNode.mark?.line ?? 0, weight: weight, role: .term(kind)))
        }
      }
    }
    return result
  }

  /// The patterns an entry stands for (`PatternAlternatives`), or nil after recording why it is
  /// malformed.
  static func forms(of pattern: String, at node: Node, context: String, _ reader: NodeReader)
    -> [String]?
  {
    if let star = pattern.firstIndex(of: "*"), star != pattern.index(before: pattern.endIndex) {
      reader.problem("\(context): \"\(pattern)\": `*` may only end a pattern", at: node)
      return nil
    }
    switch PatternAlternatives.expand(pattern) {
    case .success(let forms): return forms
    case .failure(let problem):
      reader.problem("\(context): \"\(pattern)\": \(problem)", at: node)
      return nil
    }
  }
}
