import KazazModel
import Yams

/// The profile's `actors` section: the people and organisations of both countries as reference
/// data, each with its side, office, a source and every spelling the five languages use.
///
/// ```yaml
/// actors:
///   as_of: "2025-06"
///   people:
///     - name: Kassym-Jomart Tokayev      # display name of the key fact
///       side: kazakhstan                 # kazakhstan | azerbaijan
///       office: President of Kazakhstan
///       acts_as: leader                  # optional: leader | sector (see `officials`)
///       former: true                     # optional: no longer in office
///       source: akorda.kz, as of 2025-06
///       names: {"tokayev*": 1.0, "токаев*": 1.0}       # spelling: side weight
///       ambiguous: {"aliyev*": 0.4}      # optional: spellings shared with others
///       topics: {energy: 0.8}            # optional: the topic the name speaks for
///   organisations:
///     - name: SOCAR
///       side: azerbaijan
///       what: State Oil Company of the Azerbaijan Republic
///       …
/// ```
///
/// Each spelling in `names` marks its side with its weight, names the entity as a key fact,
/// marks an official (`acts_as`) and counts for its topics; an `ambiguous` spelling (a common
/// surname) marks the side only.
extension ProfileLoader {
  static let actorGroups = ["people", "organisations"]
  static let actorKeys = [
    "name", "side", "office", "what", "acts_as", "former", "source", "names", "ambiguous",
    "topics",
  ]

  static func actors(
    _ node: Node, _ reader: NodeReader, profile: inout ClassifierProfile,
    sources: inout [ProfileEntrySource]
  ) {
    guard let section = reader.mapping(node, "actors") else { return }
    var sawDate = false
    for (key, _, value) in reader.entries(
      section, allowed: ["as_of"] + actorGroups, context: "actors")
    {
      guard key != "as_of" else {
        sawDate = true
        let date = reader.string(value, "actors.as_of") ?? ""
        let parts = date.split(separator: "-")
        if parts.count != 2 || parts[0].count != 4 || parts[1].count != 2
          || !date.allSatisfy({ $0.isNumber || $0 == "-" })
        {
          reader.problem("actors.as_of: expected the list's date as YYYY-MM", at: value)
        }
        continue
      }
      guard let list = reader.sequence(value, "actors.\(key)") else { continue }
      for item in list {
        actor(item, group: key, reader, profile: &profile, sources: &sources)
      }
    }
    if !sawDate { reader.problem("actors: missing \"as_of\" (the date of the list)", at: node) }
  }

  private static func actor(
    _ node: Node, group: String, _ reader: NodeReader, profile: inout ClassifierProfile,
    sources: inout [ProfileEntrySource]
  ) {
    let context = "actors.\(group)"
    guard let mapping = reader.mapping(node, context) else { return }
    var fields: [String: Node] = [:]
    for (key, _, value) in reader.entries(mapping, allowed: actorKeys, context: context) {
      fields[key] = value
    }
    let describes = group == "people" ? "office" : "what"
    var missing = false
    for required in ["name", "side", "source", "names", describes] where fields[required] == nil {
      reader.problem("\(context): missing \"\(required)\"", at: node)
      missing = true
    }
    guard !missing, let name = fields["name"].flatMap({ reader.string($0, "\(context).name") })
    else { return }
    let here = "\(context).\(name)"
    _ = fields["source"].flatMap { reader.string($0, "\(here).source") }
    _ = fields[describes].flatMap { reader.string($0, "\(here).\(describes)") }
    var side: ClassifierProfile.TermKind?
    switch fields["side"]?.string {
    case "kazakhstan": side = .kazakhstan
    case "azerbaijan": side = .azerbaijan
    default:
      reader.problem("\(here).side: expected kazakhstan or azerbaijan", at: fields["side"])
    }
    var official: ClassifierProfile.TermKind?
    if let acts = fields["acts_as"] {
      switch acts.string {
      case "leader": official = .leader
      case "sector": official = .sectorOfficial
      default: reader.problem("\(here).acts_as: expected leader or sector", at: acts)
      }
    }
    if let former = fields["former"], former.bool == nil {
      reader.problem("\(here).former: expected true or false", at: former)
    }
    var topics: [(TopicID, Double)] = []
    if let node = fields["topics"], let mapping = reader.mapping(node, "\(here).topics") {
      for (topic, _, weight) in reader.entries(
        mapping, allowed: TopicID.all.map(\.rawValue), context: "\(here).topics")
      {
        guard let weight = reader.number(weight, "\(here).topics.\(topic)") else { continue }
        topics.append((TopicID(rawValue: topic), weight))
      }
    }
    guard let side else { return }
    var patterns: [String] = []
    for (key, isAmbiguous) in [("names", false), ("ambiguous", true)] {
      guard let node = fields[key], let spellings = reader.mapping(node, "\(here).\(key)") else {
        continue
      }
      for (patternNode, weightNode) in spellings {
        guard let pattern = patternNode.string, !pattern.isEmpty else {
          reader.problem("\(here).\(key): a spelling must be text", at: patternNode)
          continue
        }
        guard let forms = forms(of: pattern, at: patternNode, context: "\(here).\(key)", reader),
          let weight = reader.number(weightNode, "\(here).\(key).\(pattern)")
        else { continue }
        var roles: [(ClassifierProfile.TermKind, Double)] = [(side, weight)]
        if !isAmbiguous {
          if let official { roles.append((official, 1)) }
          roles += topics.map { (.topic($0.0), $0.1) }
        }
        for form in forms {
          if !isAmbiguous { patterns.append(form) }
          for (kind, weight) in roles {
            profile.terms.append(
              .init(pattern: form, language: .other, kind: kind, weight: weight))
            sources.append(
              ProfileEntrySource(
                pattern: form, written: pattern, language: nil, section: "\(here).\(key)",
                line: patternNode.mark?.line ?? 0, weight: weight, role: .term(kind),
                isReferenceData: true))
          }
        }
      }
    }
    profile.entities.append(
      .init(name: name, kind: group == "people" ? .person : .institution, patterns: patterns))
  }
}
