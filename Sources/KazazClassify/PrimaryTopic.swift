import KazazModel

/// Chooses the topic a story is chiefly about, so a digest can file it once, under that topic,
/// with its other topics as tags.
///
/// A reader names the topic the article spends itself on and the one its headline and lead
/// announce, so:
///
/// 1. Each assigned topic is ranked by its score plus the part of it in the headline and the
///    lead (that part counts twice): of two topics the body weighs alike, the one the article
///    opens with is its subject.
/// 2. Politics and diplomacy frames nearly every bilateral story: when the officials the article
///    names are mostly of one sector (two energy ministers, a railway's chief), their meeting is
///    their sector's story, and politics is primary only when no other topic is assigned.
/// 3. Equal ranks go to the topic that comes first in the digests' order (`TopicID.all`), so the
///    choice never depends on hashing.
public enum PrimaryTopic {
  /// The frame topic of rule 2.
  static let frame = TopicID(rawValue: "politics-diplomacy")

  /// `scores`: each topic's score; `leadScores`: the part of it in the headline and lead;
  /// `sectorStory`: the article names sector officials more than leaders.
  public static func choose(
    from topics: [TopicID], scores: [TopicID: Double], leadScores: [TopicID: Double] = [:],
    sectorStory: Bool = false
  ) -> TopicID? {
    let candidates =
      sectorStory && topics.contains { $0 != frame } ? topics.filter { $0 != frame } : topics
    return candidates.min { lhs, rhs in
      let left = (scores[lhs] ?? 0) + (leadScores[lhs] ?? 0)
      let right = (scores[rhs] ?? 0) + (leadScores[rhs] ?? 0)
      return left != right ? left > right : lhs < rhs
    }
  }
}
