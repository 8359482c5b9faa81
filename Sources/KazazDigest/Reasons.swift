import KazazModel

/// Why a story is in the digest, from the classifier's stored evidence: where both countries are
/// named (the headline, the lead, or only further down) and the words that gave it its topics,
/// as the article writes them.
public struct Reasons: Sendable, Equatable {
  /// Where both sides are first named together.
  public enum Sides: String, Sendable, Equatable {
    case headline, lead, text
  }

  public struct TopicTerms: Sendable, Equatable {
    public var topic: TopicID
    public var terms: [String]
  }

  public var sides: Sides?
  /// The story's topics (primary first) with their strongest terms.
  public var topics: [TopicTerms]
  /// The stored evidence, strongest first, at most `evidenceShown`.
  public var evidence: [Evidence]
  /// The relevance score.
  public var score: Double

  /// How many terms per topic are shown.
  static let termsPerTopic = 3
  static let evidenceShown = 12

  public init(sides: Sides?, topics: [TopicTerms], evidence: [Evidence], score: Double) {
    self.sides = sides
    self.topics = topics
    self.evidence = evidence
    self.score = score
  }

  /// The reasons of `item`, its topics in `order` (primary first); `title` is the headline as
  /// shown (in sentence case when the feed wrote it in capitals).
  static func of(_ item: StoredItem, title: String? = nil, topics order: [TopicID]) -> Reasons {
    let written = WrittenTerms(item.text + "\n" + (title ?? item.title ?? ""))
    let topics = order.compactMap { topic -> TopicTerms? in
      var terms: [String] = []
      for evidence in item.evidence where evidence.kind == .topic(topic) {
        let term = written.written(evidence.term)
        // "media outlets" says nothing more than "media" beside it.
        let lower = term.lowercased()
        if !terms.contains(where: {
          $0.lowercased().contains(lower) || lower.contains($0.lowercased())
        }) {
          terms.append(term)
        }
        if terms.count == termsPerTopic { break }
      }
      return terms.isEmpty ? nil : TopicTerms(topic: topic, terms: terms)
    }
    return Reasons(
      sides: sides(item.evidence), topics: topics,
      evidence: Array(item.evidence.prefix(evidenceShown)), score: item.score)
  }

  /// The headline when it names both sides (or the pair as one term), else the lead when the
  /// headline and lead together do, else the text when it does.
  static func sides(_ evidence: [Evidence]) -> Sides? {
    func names(in regions: Set<TextRegion>) -> Bool {
      let found = evidence.filter { regions.contains($0.region) }.map(\.kind)
      return found.contains(.relation)
        || (found.contains(.kazakhstan) && found.contains(.azerbaijan))
    }
    if names(in: [.title]) { return .headline }
    if names(in: [.title, .lead]) { return .lead }
    if names(in: [.title, .lead, .body]) { return .text }
    return nil
  }
}
