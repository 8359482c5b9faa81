import KazazModel

/// A compiled profile as bytes, for the compiled-profile cache, and back.
///
/// Everything the classifier and its callers use is stored: the profile itself (so that a cache
/// hit needs no YAML), both automata, and the pattern tables. What follows from other fields (a
/// role's evidence kind, tally slot and topic position) is derived again on reading rather than
/// trusted. Reading checks every count and index against the tables it points into.
extension CompiledProfile {
  func encoded() -> [UInt8] {
    var writer = BinaryWriter()
    Self.encode(profile, into: &writer)
    matcher.encode(into: &writer)
    kazakhLatinMatcher.encode(into: &writer)
    writer.write(strings: displayPatterns)
    writer.write(array: termRanks.map { UInt32(clamping: $0) })
    writer.write(strings: topics.map(\.rawValue))
    for patternRoles in roles {
      writer.write(count: patternRoles.count)
      for role in patternRoles {
        Self.encode(role.kind, into: &writer)
        writer.write(role.weight)
      }
    }
    for patternEntities in entities {
      writer.write(array: patternEntities.map { UInt32(clamping: $0) })
    }
    return writer.bytes
  }

  /// Reads what `encoded()` wrote, from `offset` in `bytes` to their end.
  init(decoding bytes: [UInt8], from offset: Int = 0) throws(BinaryReader.Failure) {
    var reader = BinaryReader(bytes, offset: offset)
    let profile = try Self.decodeProfile(&reader)
    let matcher = try TermMatcher(decoding: &reader)
    let kazakhLatinMatcher = try TermMatcher(decoding: &reader)
    let count = matcher.patternCount + kazakhLatinMatcher.patternCount
    let display = try reader.readStrings("display forms")
    let ranks = try reader.readArray(UInt32.self, "term ranks").map { Int($0) }
    guard display.count == count, ranks.count == count, ranks.allSatisfy({ $0 < count }) else {
      throw BinaryReader.Failure(description: "pattern tables do not match the matchers")
    }
    let topics = try reader.readStrings("topics").map(TopicID.init(rawValue:))
    var roles: [[Role]] = []
    roles.reserveCapacity(count)
    for _ in 0..<count {
      let roleCount = try reader.readCount("roles", width: 9)
      var patternRoles: [Role] = []
      for _ in 0..<roleCount {
        let kind = try Self.decodeKind(&reader)
        let weight = try reader.readDouble("role weight")
        let evidence = EvidenceTally.evidenceKind(kind)
        var topic = -1
        if case .topic(let id) = kind {
          guard let index = topics.firstIndex(of: id) else {
            throw BinaryReader.Failure(description: "a role names an unlisted topic")
          }
          topic = index
        }
        patternRoles.append(
          Role(
            kind: kind, weight: weight, evidence: evidence, slot: Self.slot(evidence), topic: topic)
        )
      }
      roles.append(patternRoles)
    }
    var entities: [[Int]] = []
    entities.reserveCapacity(count)
    for _ in 0..<count {
      let indices = try reader.readArray(UInt32.self, "entities").map { Int($0) }
      guard indices.allSatisfy({ $0 < profile.entities.count }) else {
        throw BinaryReader.Failure(description: "a pattern names an unlisted entity")
      }
      entities.append(indices)
    }
    guard reader.remaining == 0 else {
      throw BinaryReader.Failure(description: "\(reader.remaining) bytes after the tables")
    }
    self.profile = profile
    self.matcher = matcher
    self.kazakhLatinMatcher = kazakhLatinMatcher
    displayPatterns = display
    termRanks = ranks
    self.roles = roles
    self.entities = entities
    self.topics = topics
  }

  // MARK: The profile

  private static func encode(_ profile: ClassifierProfile, into writer: inout BinaryWriter) {
    writer.write(profile.name)
    writer.write(profile.version)
    for value in thresholdValues(profile.thresholds) { writer.write(value) }
    writer.write(UInt64(bitPattern: Int64(profile.thresholds.topicSentences)))
    writer.write(UInt64(bitPattern: Int64(profile.thresholds.topicList)))
    writer.write(UInt64(bitPattern: Int64(profile.thresholds.topicCooperationList)))
    writer.write(profile.regions.title)
    writer.write(profile.regions.lead)
    writer.write(profile.regions.body)
    writer.write(strings: profile.topicOrder.map(\.rawValue))
    writer.write(count: profile.terms.count)
    for term in profile.terms {
      writer.write(term.pattern)
      writer.write(UInt8(Language.allCases.firstIndex(of: term.language) ?? 0))
      encode(term.kind, into: &writer)
      writer.write(term.weight)
    }
    writer.write(count: profile.entities.count)
    for entity in profile.entities {
      writer.write(entity.name)
      writer.write(entity.kind == .person ? 0 as UInt8 : 1)
      writer.write(strings: entity.patterns)
    }
  }

  private static func thresholdValues(_ thresholds: ClassifierProfile.Thresholds) -> [Double] {
    [
      thresholds.relevance, thresholds.sideMinimum, thresholds.topic, thresholds.balance,
      thresholds.listFocus, thresholds.sports, thresholds.incidentFocus, thresholds.incidents,
      thresholds.topicRelative, thresholds.topicSentence, thresholds.topicNearby,
      thresholds.sectorPolitics, thresholds.topicClearSentence, thresholds.multilateral,
      thresholds.topicClearTerm,
    ]
  }

  private static func decodeProfile(
    _ reader: inout BinaryReader
  ) throws(BinaryReader.Failure) -> ClassifierProfile {
    let name = try reader.readString("profile name")
    let version = try reader.readString("profile version")
    var values: [Double] = []
    for _ in 0..<15 { values.append(try reader.readDouble("threshold")) }
    let sentences = Int(truncatingIfNeeded: Int64(bitPattern: try reader.readUInt64("sentences")))
    let list = Int(truncatingIfNeeded: Int64(bitPattern: try reader.readUInt64("list")))
    let cooperationList = Int(
      truncatingIfNeeded: Int64(bitPattern: try reader.readUInt64("cooperation list")))
    var thresholds = ClassifierProfile.Thresholds(
      relevance: values[0], sideMinimum: values[1], topic: values[2], balance: values[3],
      listFocus: values[4], sports: values[5], incidentFocus: values[6], incidents: values[7],
      topicRelative: values[8], topicSentence: values[9], topicSentences: sentences,
      topicList: list, topicCooperationList: cooperationList,
      topicClearSentence: values[12], topicClearTerm: values[14], topicNearby: values[10],
      sectorPolitics: values[11])
    thresholds.multilateral = values[13]
    let regions = ClassifierProfile.RegionWeights(
      title: try reader.readDouble("title weight"), lead: try reader.readDouble("lead weight"),
      body: try reader.readDouble("body weight"))
    let topicOrder = try reader.readStrings("topic order").map(TopicID.init(rawValue:))
    let termCount = try reader.readCount("terms", width: 14)
    var terms: [ClassifierProfile.Term] = []
    terms.reserveCapacity(termCount)
    for _ in 0..<termCount {
      let pattern = try reader.readString("term")
      let code = Int(try reader.readByte("term language"))
      guard code < Language.allCases.count else {
        throw BinaryReader.Failure(description: "unknown language \(code)")
      }
      let language = Language.allCases[code]
      let kind = try decodeKind(&reader)
      let weight = try reader.readDouble("term weight")
      terms.append(.init(pattern: pattern, language: language, kind: kind, weight: weight))
    }
    var profile = ClassifierProfile(
      name: name, version: version, thresholds: thresholds, regions: regions,
      topicOrder: topicOrder, terms: terms)
    let entityCount = try reader.readCount("entities", width: 9)
    for _ in 0..<entityCount {
      let name = try reader.readString("entity name")
      let kind: ClassifierProfile.Entity.Kind =
        try reader.readByte("entity kind") == 0 ? .person : .institution
      let patterns = try reader.readStrings("entity patterns")
      profile.entities.append(.init(name: name, kind: kind, patterns: patterns))
    }
    return profile
  }

  // MARK: Term kinds

  private static func encode(_ kind: ClassifierProfile.TermKind, into writer: inout BinaryWriter) {
    switch kind {
    case .kazakhstan: writer.write(0 as UInt8)
    case .azerbaijan: writer.write(1 as UInt8)
    case .relation: writer.write(2 as UInt8)
    case .context: writer.write(3 as UInt8)
    case .topic(let topic):
      writer.write(4 as UInt8)
      writer.write(topic.rawValue)
    case .otherCountry: writer.write(5 as UInt8)
    case .sports: writer.write(6 as UInt8)
    case .incident: writer.write(7 as UInt8)
    case .leader: writer.write(8 as UInt8)
    case .sectorOfficial: writer.write(9 as UInt8)
    case .multilateral: writer.write(10 as UInt8)
    case .cooperation: writer.write(11 as UInt8)
    }
  }

  private static func decodeKind(
    _ reader: inout BinaryReader
  ) throws(BinaryReader.Failure) -> ClassifierProfile.TermKind {
    switch try reader.readByte("term kind") {
    case 0: return .kazakhstan
    case 1: return .azerbaijan
    case 2: return .relation
    case 3: return .context
    case 4: return .topic(TopicID(rawValue: try reader.readString("topic")))
    case 5: return .otherCountry
    case 6: return .sports
    case 7: return .incident
    case 8: return .leader
    case 9: return .sectorOfficial
    case 10: return .multilateral
    case 11: return .cooperation
    case let other: throw BinaryReader.Failure(description: "unknown term kind \(other)")
    }
  }
}
