import Foundation
import KazazModel
import KazazText

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
/// 4. Topic scores sum topic terms in context: fully in the headline and in sentences naming a
///    side or the pair, by `topic_nearby` in the rest of such a paragraph and next to such a
///    sentence, not at all elsewhere. A topic is assigned when it reaches `topic` and
///    `topic_relative` of the best and has substance (`topic_sentence`, `topic_sentences`,
///    `topic_clear_sentence`); the primary topic is chosen among them (`PrimaryTopic`).
///
/// Kazakh written in Latin letters (any of its alphabets) is read in `KazakhSkeleton`s against
/// the skeletons of the profile's Kazakh terms; every other text is matched as written.
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

  /// A classifier whose compiled profile, on first use, comes from `compile` (for instance from
  /// a `ProfileCache`) rather than from compiling `profile` here.
  public init(
    profile: ClassifierProfile,
    compile: @escaping @Sendable (ClassifierProfile) -> CompiledProfile
  ) {
    self.profile = profile
    compilation = LazyCompilation(profile, compile: compile)
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
    // Azerbaijani in its Cyrillic alphabet is read in the Latin one the profile is written in.
    if AzerbaijaniCyrillic.isWritten(in: body) || AzerbaijaniCyrillic.isWritten(in: title) {
      return classifyAsWritten(
        title: AzerbaijaniCyrillic.latin(title), body: AzerbaijaniCyrillic.latin(body))
    }
    return classifyAsWritten(title: title, body: body)
  }

  private func classifyAsWritten(title: String, body: String) -> Classification {
    let compiled = compiled
    let standard = NormalizedDocument(title: title, body: body)
    let identification = LanguageIdentifier.identification(
      scalars: [
        standard.scalars[standard.titleRange], standard.scalars[standard.bodyRange],
      ], normalized: standard.bytes)
    // Kazakh in Latin letters is read in skeletons, against the skeletons of the Kazakh terms.
    let latinKazakh = identification.isLatinKazakh
    let document = latinKazakh ? NormalizedDocument(standard, spelling: .kazakhSkeleton) : standard
    var matches = (latinKazakh ? compiled.kazakhLatinMatcher : compiled.matcher).matches(
      in: document.bytes)
    if latinKazakh {
      for index in matches.indices { matches[index].pattern += compiled.kazakhLatinOffset }
    }
    var tally = EvidenceTally(
      compiled: compiled, sentenceCount: document.sentences.count)
    tally.record(matches: matches, document: document)
    // The verdict chooses the primary topic too (`PrimaryTopic`): it needs the lead's share.
    var classification = tally.verdict(document: document, language: identification.language)
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

  /// Classifies a plain-text article file's content: the first line is the title (see
  /// `splitTitle`).
  public func classify(text: String) -> Classification {
    let (title, body) = Self.splitTitle(text)
    return classify(title: title, body: body)
  }

  /// Splits an article file into its headline and body: the first line, or after an empty first
  /// line a short line that reads like a headline (see `ArticleHeadline`). Without one the title
  /// is empty and the body's first sentences are the lead.
  public static func splitTitle(_ text: String) -> (title: String, body: String) {
    ArticleHeadline.split(text)
  }
}
