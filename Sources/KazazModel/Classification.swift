/// Where in an article a piece of evidence was found. Titles and leads weigh more.
public enum TextRegion: String, Sendable, Codable, Hashable {
  case title, lead, body
}

/// What a matched term stands for.
public enum EvidenceKind: Sendable, Hashable {
  case kazakhstan
  case azerbaijan
  case relation
  /// A phrase referring back to the pair ("the two countries"): context for topics only.
  case context
  case topic(TopicID)
  case negative
  /// A head of state or government, a foreign ministry, a diplomat, a parliament.
  case leader
  /// An official of one sector (a defence or energy minister, a state company's chief).
  case sectorOfficial
  /// A word naming cooperation or partnership: with several spheres, a list of the pair's.
  case cooperation

  public var label: String {
    switch self {
    case .kazakhstan: "kazakhstan"
    case .azerbaijan: "azerbaijan"
    case .relation: "relation"
    case .context: "context"
    case .topic(let id): "topic:\(id.rawValue)"
    case .negative: "negative"
    case .leader: "leader"
    case .sectorOfficial: "sector-official"
    case .cooperation: "cooperation"
    }
  }
}

/// One reason behind a classification: which term matched, where, and what it contributed.
public struct Evidence: Sendable, Hashable, Codable {
  public var kind: EvidenceKind
  public var term: String
  public var region: TextRegion
  public var count: Int
  public var contribution: Double

  public init(
    kind: EvidenceKind, term: String, region: TextRegion, count: Int, contribution: Double
  ) {
    self.kind = kind
    self.term = term
    self.region = region
    self.count = count
    self.contribution = contribution
  }
}

/// The classifier's verdict on one article, with its reasons.
public struct Classification: Sendable, Hashable {
  public var relevant: Bool
  public var score: Double
  public var language: Language
  public var topics: [TopicID]
  public var evidence: [Evidence]
  /// The profile version that produced this verdict, so stored items can be reclassified.
  public var profileVersion: String
  /// The topic the story is chiefly about, one of `topics` (nil when there are none): digests
  /// file each story once, under this topic, with the others as tags.
  public var primaryTopic: TopicID?
  /// The score of each assigned topic.
  public var topicScores: [TopicID: Double]
  /// Sums of money, percentages, people and institutions found in the article.
  public var keyFacts: [KeyFact]

  public init(
    relevant: Bool, score: Double, language: Language, topics: [TopicID], evidence: [Evidence],
    profileVersion: String, topicScores: [TopicID: Double] = [:], keyFacts: [KeyFact] = [],
    primaryTopic: TopicID? = nil
  ) {
    self.relevant = relevant
    self.score = score
    self.language = language
    self.topics = topics
    self.evidence = evidence
    self.profileVersion = profileVersion
    self.primaryTopic = primaryTopic
    self.topicScores = topicScores
    self.keyFacts = keyFacts
  }
}

extension EvidenceKind: Codable {
  /// Encoded as its label: `kazakhstan`, `azerbaijan`, `relation`, `context`, `topic:energy`,
  /// `negative`, `leader`, `sector-official`, `cooperation`.
  public init(from decoder: any Decoder) throws {
    let label = try decoder.singleValueContainer().decode(String.self)
    switch label {
    case "kazakhstan": self = .kazakhstan
    case "azerbaijan": self = .azerbaijan
    case "relation": self = .relation
    case "context": self = .context
    case "negative": self = .negative
    case "leader": self = .leader
    case "sector-official": self = .sectorOfficial
    case "cooperation": self = .cooperation
    default:
      guard label.hasPrefix("topic:") else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "unknown evidence kind \(label)"))
      }
      self = .topic(TopicID(rawValue: String(label.dropFirst("topic:".count))))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(label)
  }
}
