import Foundation
import KazazModel

/// Accumulates matches for one article and turns them into a `Classification`.
struct EvidenceTally {
  /// Per-sentence sums.
  struct SentenceWeights {
    var kazakhstan = 0.0
    var azerbaijan = 0.0
    var relation = 0.0
    var otherCountries: Set<Int> = []
    var sports = 0.0
    var topics: [TopicID: Double] = [:]
  }

  private struct EvidenceKey: Hashable {
    var kind: EvidenceKind
    var pattern: Int
    var region: TextRegion
  }

  /// Each further occurrence of the same term counts this much less (geometric decay).
  static let repeatDecay = 0.5
  /// A sentence naming this many other countries is a list.
  static let listCountryCount = 3
  /// How much a list sentence's co-occurrence still counts.
  static let listDiscount = 0.15

  let compiled: CompiledProfile
  var sentences: [SentenceWeights]
  private var occurrences: [EvidenceKey: Int] = [:]
  private var contributions: [EvidenceKey: Double] = [:]

  init(compiled: CompiledProfile, sentenceCount: Int) {
    self.compiled = compiled
    sentences = Array(repeating: SentenceWeights(), count: sentenceCount)
  }

  /// Records every match. Matches of one kind nested in a longer one ("aliyev" inside
  /// "ilham aliyev", "kazakh" inside "kazakhstan") are the same mention and count once.
  mutating func record(matches: [TermMatcher.Match], document: NormalizedDocument) {
    let ordered = matches.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
    var lastKept: [EvidenceKind: TermMatcher.Match] = [:]
    for match in ordered {
      let index = document.sentenceIndex(at: match.start)
      let sentence = document.sentences[index]
      let regionWeight = compiled.profile.regions[sentence.region]
      for role in compiled.roles[match.pattern] {
        let kind = Self.evidenceKind(role.kind)
        if let kept = lastKept[kind], kept.start <= match.start, match.end <= kept.end,
          kind != .negative || kept.pattern == match.pattern
        {
          continue
        }
        lastKept[kind] = match
        add(
          role: role, kind: kind, pattern: match.pattern, index: index, region: sentence.region,
          regionWeight: regionWeight)
      }
    }
  }

  private mutating func add(
    role: CompiledProfile.Role, kind: EvidenceKind, pattern: Int, index: Int, region: TextRegion,
    regionWeight: Double
  ) {
    let key = EvidenceKey(kind: kind, pattern: pattern, region: region)
    let seen = occurrences[key, default: 0]
    occurrences[key] = seen + 1
    let weight = role.weight * regionWeight * pow(Self.repeatDecay, Double(seen))
    contributions[key, default: 0] += weight
    switch role.kind {
    case .kazakhstan: sentences[index].kazakhstan += weight
    case .azerbaijan: sentences[index].azerbaijan += weight
    case .relation: sentences[index].relation += weight
    case .topic(let topic): sentences[index].topics[topic, default: 0] += weight
    case .otherCountry: sentences[index].otherCountries.insert(pattern)
    case .sports: sentences[index].sports += weight
    }
  }

  func verdict(document: NormalizedDocument, language: Language) -> Classification {
    let profile = compiled.profile
    let kazakhstan = sentences.reduce(0) { $0 + $1.kazakhstan + $1.relation }
    let azerbaijan = sentences.reduce(0) { $0 + $1.azerbaijan + $1.relation }
    let pair = pairScore(document: document)
    let balance = min(kazakhstan, azerbaijan) / max(max(kazakhstan, azerbaijan), 1)
    let sides = min(kazakhstan, azerbaijan)
    let others = Set(sentences.flatMap(\.otherCountries)).count
    let sports = sentences.reduce(0) { $0 + $1.sports }

    // Focus: the two sides should dominate the other countries the article names.
    let focus = (kazakhstan + azerbaijan) / (kazakhstan + azerbaijan + 1.5 * Double(others) + 0.001)
    // A sports fixture between the two countries is a match report, not cooperation.
    let sportsPenalty = sports >= 4 ? 0.1 : (sports >= 2 ? 0.5 : 1)
    let score = (pair + sides * (0.5 + balance)) * focus * sportsPenalty
    let relevant =
      kazakhstan >= profile.thresholds.sideMinimum && azerbaijan >= profile.thresholds.sideMinimum
      && pair > 0 && score >= profile.thresholds.relevance

    let topicScores = topicScores(document: document)
    let topics = topicScores.filter { $0.value >= profile.thresholds.topic }
      .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)

    return Classification(
      relevant: relevant, score: (score * 100).rounded() / 100, language: language,
      topics: topics, evidence: evidenceList(), profileVersion: profile.version)
  }

  /// Co-occurrence of both sides in one sentence (full weight) or one paragraph (half weight).
  private func pairScore(document: NormalizedDocument) -> Double {
    var total = 0.0
    var paragraphKazakhstan: [Int: Double] = [:]
    var paragraphAzerbaijan: [Int: Double] = [:]
    for (index, weights) in sentences.enumerated() {
      let sentence = document.sentences[index]
      let isList = weights.otherCountries.count >= Self.listCountryCount
      let discount = isList ? Self.listDiscount : 1
      let kz = weights.kazakhstan + weights.relation
      let az = weights.azerbaijan + weights.relation
      total += min(kz, az) * discount
      paragraphKazakhstan[sentence.paragraph, default: 0] += kz * discount
      paragraphAzerbaijan[sentence.paragraph, default: 0] += az * discount
    }
    for (paragraph, kz) in paragraphKazakhstan {
      total += 0.5 * min(kz, paragraphAzerbaijan[paragraph] ?? 0)
    }
    return total
  }

  /// Topic scores: full weight in sentences with bilateral context nearby, half elsewhere.
  private func topicScores(document: NormalizedDocument) -> [TopicID: Double] {
    var contextual = [Bool](repeating: false, count: sentences.count)
    for (index, weights) in sentences.enumerated()
    where weights.kazakhstan + weights.azerbaijan + weights.relation > 0 {
      for neighbour in max(0, index - 1)...min(sentences.count - 1, index + 1) {
        contextual[neighbour] = true
      }
    }
    var scores: [TopicID: Double] = [:]
    for (index, weights) in sentences.enumerated() {
      let factor = contextual[index] ? 1.0 : 0.5
      for (topic, weight) in weights.topics { scores[topic, default: 0] += weight * factor }
    }
    return scores
  }

  private func evidenceList() -> [Evidence] {
    contributions.map { key, value in
      Evidence(
        kind: key.kind, term: compiled.displayPatterns[key.pattern], region: key.region,
        count: occurrences[key] ?? 0, contribution: (value * 100).rounded() / 100)
    }
    .sorted { ($0.contribution, $1.term) > ($1.contribution, $0.term) }
  }

  static func evidenceKind(_ kind: ClassifierProfile.TermKind) -> EvidenceKind {
    switch kind {
    case .kazakhstan: .kazakhstan
    case .azerbaijan: .azerbaijan
    case .relation: .relation
    case .topic(let topic): .topic(topic)
    case .otherCountry, .sports: .negative
    }
  }
}
