import KazazModel

/// Chooses the topic a story is chiefly about, so a digest can file it once, under that topic,
/// with its other topics as tags.
///
/// The rule for now: the highest-scoring assigned topic; equal scores go to the topic that comes
/// first in the digests' order (`TopicID.all`), so the choice never depends on hashing. It is kept
/// in this one function so that a finer rule (the headline's topic, say) replaces it in one place.
public enum PrimaryTopic {
  public static func choose(from topics: [TopicID], scores: [TopicID: Double]) -> TopicID? {
    topics.min { lhs, rhs in
      let (left, right) = (scores[lhs] ?? 0, scores[rhs] ?? 0)
      return left != right ? left > right : lhs < rhs
    }
  }
}
