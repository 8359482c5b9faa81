import KazazModel
import Yams

/// An operator's changes to the shipped classifier profile, kept in a file of their own
/// (`profile.override.yaml`) so that an upgrade can replace the shipped profile and keep them.
///
/// The file uses the profile's own syntax for what it adds or changes, and a `disable:` section
/// for what it takes away:
///
/// ```yaml
/// thresholds:
///   relevance: 7.0                # a threshold or region weight is set
/// sides:
///   kazakhstan:
///     en: {"qazaq*": 0.9}         # a new entry is added; an entry the shipped profile has
///                                 # (same section, pattern, language and role) gets this weight
/// topics:
///   energy:
///     en: {"green hydrogen": 1.5}
/// key_facts:
///   people: {"Jane Doe": ["jane doe"]}
/// disable:
///   topics.energy.en: ["oil*"]    # entries as written in the shipped profile, per section
///   actors.people.Ilham Aliyev.names: ["aliyev ilham"]
/// ```
///
/// Sections, topics, languages and weights are checked as in the profile, with the override
/// file's line; a weight must lie in 0…100. A section path under `disable` that cannot exist is an
/// error; one naming an entry the shipped profile does not have is a warning (a newer shipped
/// profile may have dropped it: the daemon still starts, and says so).
enum ProfileOverride {
  static let topLevelKeys = [
    "thresholds", "regions", "sides", "relation", "context", "cooperation", "topics", "negative",
    "officials", "key_facts", "actors", "disable",
  ]
  static let maximumWeight = 100.0

  struct Merged {
    var profile: ClassifierProfile
    var entries: [ProfileEntrySource]
    /// What the file declares, one canonical line each, independent of the shipped profile:
    /// the effective version is derived from these.
    var declarations: [String]
    /// What the file changed in the shipped profile, for people.
    var changes: [String]
    var warnings: [ConfigProblem]
  }

  static func merge(
    into base: ClassifierProfile, entries baseEntries: [ProfileEntrySource], text: String,
    displayName: String
  ) throws(ConfigError) -> Merged {
    let reader = NodeReader(file: displayName)
    guard let root = reader.root(of: text, allowingEmpty: true) else {
      throw ConfigError(problems: reader.problems)
    }
    var merged = Merged(
      profile: base, entries: baseEntries, declarations: [], changes: [], warnings: [])
    var added = base
    added.terms = []
    added.entities = []
    var addedSources: [ProfileEntrySource] = []
    var disable: Node?
    for (key, _, value) in reader.entries(root, allowed: topLevelKeys, context: "override") {
      switch key {
      case "disable": disable = value
      case "thresholds", "regions":
        var ignored: [ProfileEntrySource] = []
        ProfileLoader.apply(section: key, value, reader, to: &merged.profile, sources: &ignored)
        guard let mapping = value.mapping else { continue }
        for (name, setting) in mapping {
          let line = "\(key).\(name.string ?? "?") \(setting.string ?? "?")"
          merged.declarations.append(line)
          merged.changes.append("set \(line)")
        }
      default:
        ProfileLoader.apply(section: key, value, reader, to: &added, sources: &addedSources)
      }
    }
    for source in addedSources {
      if let weight = source.weight, !(0...maximumWeight).contains(weight) {
        reader.problem(
          "\(source.section): \"\(source.written)\": weight \(weight) is outside 0 to 100",
          line: source.line)
      }
    }
    if let disable { applyDisables(disable, reader, to: &merged) }
    mergeAdditions(addedSources, entities: added.entities, into: &merged)
    guard reader.problems.isEmpty else { throw ConfigError(problems: reader.problems) }
    return merged
  }

  // MARK: Additions and weights

  private static func mergeAdditions(
    _ sources: [ProfileEntrySource], entities: [ClassifierProfile.Entity],
    into merged: inout Merged
  ) {
    var declared: Set<String> = []
    var described: Set<String> = []
    for source in sources {
      let line = "\(source.section) \"\(source.written)\""
      guard case .term(let kind) = source.role, let weight = source.weight else { continue }
      let language = source.language ?? .other
      let matches = merged.profile.terms.indices.filter {
        let term = merged.profile.terms[$0]
        return term.pattern == source.pattern && term.language == language && term.kind == kind
      }
      if declared.insert("\(line) \(kind)").inserted {
        merged.declarations.append("\(line) \(kind) \(weight)")
      }
      let firstForm = described.insert(line).inserted
      if matches.isEmpty {
        merged.profile.terms.append(
          .init(pattern: source.pattern, language: language, kind: kind, weight: weight))
        merged.entries.append(source)
        if firstForm { merged.changes.append("add \(line) \(weight)") }
      } else {
        let old = merged.profile.terms[matches[0]].weight
        for index in matches { merged.profile.terms[index].weight = weight }
        if firstForm, old != weight {
          merged.changes.append("weight \(line) \(old) → \(weight)")
        }
      }
    }
    for entity in entities {
      if let index = merged.profile.entities.firstIndex(where: { $0.name == entity.name }) {
        let new = entity.patterns.filter { !merged.profile.entities[index].patterns.contains($0) }
        merged.profile.entities[index].patterns += new
        for pattern in new { merged.changes.append("add \(entity.name) \"\(pattern)\"") }
      } else {
        merged.profile.entities.append(entity)
        merged.changes.append("add \(entity.name) (\(entity.patterns.count) patterns)")
      }
      merged.declarations.append(
        "entity \(entity.name) \(entity.patterns.joined(separator: "|"))")
    }
    merged.entries += sources.filter {
      if case .entity = $0.role { return true }
      return false
    }
  }

  // MARK: Disabling

  private static func applyDisables(_ node: Node, _ reader: NodeReader, to merged: inout Merged) {
    guard let mapping = reader.mapping(node, "disable") else { return }
    for (pathNode, listNode) in mapping {
      guard let path = pathNode.string, !path.isEmpty else {
        reader.problem("disable: a section must be text such as topics.energy.en", at: pathNode)
        continue
      }
      if let problem = sectionPathProblem(path) {
        reader.problem("disable: \(problem)", at: pathNode)
        continue
      }
      let items = listNode.sequence.map(Array.init) ?? [listNode]
      for item in items {
        guard let written = item.string, !written.isEmpty else {
          reader.problem(
            "disable.\(path): expected an entry as written, such as \"oil*\"", at: item)
          continue
        }
        let matched = merged.entries.filter {
          $0.section == path && ($0.written == written || $0.pattern == written)
        }
        merged.declarations.append("disable \(path) \"\(written)\"")
        guard !matched.isEmpty else {
          merged.warnings.append(
            ConfigProblem(
              file: reader.file, line: item.mark?.line, column: item.mark?.column,
              message:
                "disable.\(path): the profile has no entry \"\(written)\" here; nothing disabled"))
          continue
        }
        for source in matched { remove(source, from: &merged.profile) }
        merged.entries.removeAll { source in matched.contains(source) }
        merged.changes.append("disable \(path) \"\(written)\"")
      }
    }
  }

  private static func remove(_ source: ProfileEntrySource, from profile: inout ClassifierProfile) {
    switch source.role {
    case .term(let kind):
      let language = source.language ?? .other
      profile.terms.removeAll {
        $0.pattern == source.pattern && $0.language == language && $0.kind == kind
      }
      if let actor = actorName(section: source.section), source.section.hasSuffix(".names") {
        removePattern(source.pattern, ofEntity: actor, from: &profile)
      }
    case .entity(let name):
      removePattern(source.pattern, ofEntity: name, from: &profile)
    }
  }

  private static func removePattern(
    _ pattern: String, ofEntity name: String, from profile: inout ClassifierProfile
  ) {
    for index in profile.entities.indices where profile.entities[index].name == name {
      profile.entities[index].patterns.removeAll { $0 == pattern }
    }
  }

  /// `actors.people.NAME.names` → NAME.
  static func actorName(section: String) -> String? {
    for group in ProfileLoader.actorGroups {
      let prefix = "actors.\(group)."
      guard section.hasPrefix(prefix) else { continue }
      for key in [".names", ".ambiguous"] where section.hasSuffix(key) {
        let name = section.dropFirst(prefix.count).dropLast(key.count)
        return name.isEmpty ? nil : String(name)
      }
    }
    return nil
  }

  /// Why a `disable:` section path cannot name a list of the profile, or nil when it can.
  static func sectionPathProblem(_ path: String) -> String? {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let languages = ProfileLoader.languageKeys
    func language(_ code: String) -> String? {
      languages.contains(code)
        ? nil
        : "\(path): unknown language \"\(code)\" (expected one of: \(languages.joined(separator: ", ")))"
    }
    func group(_ name: String, _ allowed: [String], _ what: String) -> String? {
      allowed.contains(name)
        ? nil
        : NodeReader.unknownKeyMessage(name, allowed: allowed, context: path)
          .replacing("unknown key", with: "unknown \(what)")
    }
    switch (parts.first ?? "", parts.count) {
    case ("relation", 2), ("context", 2), ("cooperation", 2): return language(parts[1])
    case ("sides", 3): return group(parts[1], ProfileLoader.sideKeys, "side") ?? language(parts[2])
    case ("topics", 3):
      if !TopicID.isKnown(parts[1]) {
        return group(parts[1], TopicID.all.map(\.rawValue), "topic")
      }
      return language(parts[2])
    case ("negative", 3):
      return group(parts[1], ProfileLoader.negativeKeys, "list") ?? language(parts[2])
    case ("officials", 3):
      return group(parts[1], ProfileLoader.officialKeys, "list") ?? language(parts[2])
    case ("key_facts", 3...):
      return group(parts[1], ProfileLoader.keyFactKeys, "list")
    case ("actors", 4...):
      return group(parts[1], ProfileLoader.actorGroups, "list")
        ?? group(parts[parts.count - 1], ["names", "ambiguous"], "spellings")
    default:
      return
        "unknown section \"\(path)\" (expected e.g. topics.energy.en, sides.kazakhstan.ru, "
        + "relation.en, negative.sports.ru, officials.leaders.en, key_facts.people.NAME, "
        + "actors.people.NAME.names)"
    }
  }
}
