import Foundation
import KazazModel

/// Decides whether an article is about Kazakhstan–Azerbaijan relations and which topics it covers.
///
/// Scoring, in short (every weight and threshold comes from the profile):
/// 1. Each side's weight sums its matched terms, scaled by region (title > lead > body); repeats
///    of one term add less and less.
/// 2. The *pair* score sums, over sentences and paragraphs where both sides (or a compound
///    relation term) occur together, the weaker side's weight there. Sentences that are lists of
///    many countries count for little: a summit roll-call is not a bilateral story.
/// 3. The article is relevant when both sides pass `side_minimum`, the pair score and side
///    balance give a total over `relevance`, and neither other countries nor sports or accident
///    vocabulary dominate.
/// 4. Topic scores sum topic terms, counting fully near bilateral context and half elsewhere.
///
/// The profile's matcher is compiled on first use, not when the classifier is made: a daemon
/// cycle in which every feed answers 304 never pays for it (nor holds its memory).
public struct Classifier: Sendable {
  public let profile: ClassifierProfile
  private let compilation: LazyCompilation

  public init(profile: ClassifierProfile) {
    self.profile = profile
    compilation = LazyCompilation(profile)
  }

  public init(compiled: CompiledProfile) {
    profile = compiled.profile
    compilation = LazyCompilation(compiled)
  }

  /// The compiled profile (compiled now if it was not yet).
  public var compiled: CompiledProfile { compilation.value }

  /// Whether the profile has been compiled yet.
  public var isCompiled: Bool { compilation.isDone }

  /// Classifies an article given as a title and a body of plain text.
  public func classify(title: String, body: String) -> Classification {
    let compiled = compiled
    let document = NormalizedDocument(title: title, body: body)
    let language = LanguageIdentifier.identify(
      scalars: [
        document.scalars[document.titleRange], document.scalars[document.bodyRange],
      ], normalized: document.bytes)
    var tally = EvidenceTally(
      compiled: compiled, sentenceCount: document.sentences.count)
    tally.record(matches: compiled.matcher.matches(in: document.bytes), document: document)
    var classification = tally.verdict(document: document, language: language)
    classification.primaryTopic = PrimaryTopic.choose(
      from: classification.topics, scores: classification.topicScores)
    classification.keyFacts =
      AmountExtractor.facts(
        in: document.scalars, sentenceBreaks: [document.titleRange.upperBound],
        context: classification.relevant)
      + entityFacts(tally)
    return classification
  }

  /// The profile's people and institutions the article names, in order of first mention.
  private func entityFacts(_ tally: EvidenceTally) -> [KeyFact] {
    tally.entityMentions.sorted { $0.value.first < $1.value.first }.map { index, mention in
      let entity = profile.entities[index]
      return KeyFact(
        kind: entity.kind == .person ? .person : .institution, text: entity.name,
        count: mention.count)
    }
  }

  /// Classifies a plain-text article file's content: the first line is the title.
  public func classify(text: String) -> Classification {
    let (title, body) = Self.splitTitle(text)
    return classify(title: title, body: body)
  }

  /// `text` without leading spaces and tabs and trailing spaces, tabs and carriage returns (all
  /// ASCII, so the UTF-8 view finds them).
  private static func trimmed(_ text: Substring) -> String {
    let utf8 = text.utf8
    // Everything before `first` is a space or tab, so `last` is nil or not before `first`.
    guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
      let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
    else { return "" }
    return String(text[first...last])
  }

  /// Splits an article file into its headline (the first line) and body. An empty first line
  /// means the article has no headline: the body is not promoted to one, because a headline
  /// weighs three times as much as body text.
  public static func splitTitle(_ text: String) -> (title: String, body: String) {
    let utf8 = text.utf8
    guard let newline = utf8.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
      return (trimmed(text[...]), "")
    }
    let title = trimmed(text[..<newline])
    var rest = utf8.index(after: newline)
    if utf8[newline] == 0x0D, rest < utf8.endIndex, utf8[rest] == 0x0A {
      rest = utf8.index(after: rest)
    }
    return (title, String(text[rest...]))
  }
}
