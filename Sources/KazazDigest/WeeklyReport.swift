import Foundation
import KazazModel

/// One weekly report: the week's stories (built and ranked as a digest is), each topic's count
/// against the previous four weeks, the most active outlets, the people and organisations most
/// often named and the figures of the week. A value that the weekly renderers read; it holds no
/// formatting.
public struct WeeklyReport: Sendable, Equatable {
  /// A topic's relevant items in each of the weeks, oldest first, this week last.
  public struct TopicWeeks: Sendable, Equatable {
    public var topic: TopicID
    public var counts: [Int]

    /// This week's count.
    public var current: Int { counts.last ?? 0 }
    /// The earlier weeks' counts.
    public var previous: ArraySlice<Int> { counts.dropLast() }
  }

  /// An outlet and how many relevant items it published in the week.
  public struct Outlet: Sendable, Equatable {
    public var name: String
    public var feedURL: String
    public var relevantCount: Int
  }

  /// A person or organisation from the stored key facts, with the relevant items naming it and
  /// how often they do.
  public struct Actor: Sendable, Equatable {
    public var name: String
    public var kind: KeyFact.Kind
    public var articles: Int
    public var mentions: Int
  }

  /// A figure of the week: a stored key fact's phrase and figures, with the story they come
  /// from.
  public struct Figure: Sendable, Equatable {
    public var group: KeyFigureGroup
    public var story: Digest.Entry
  }

  /// The week's stories as a digest of the week's period (`digest.period.day` is the ISO week).
  public var digest: Digest
  /// The best stories of the week, best first.
  public var topStories: [Digest.Entry]
  /// The labels of the weeks the topic counts cover, oldest first, this week last.
  public var weeks: [String]
  /// Relevant items in each of `weeks`.
  public var relevantPerWeek: [Int]
  /// Whether each of `weeks` had any item at all (a week with none means the daemon was not
  /// running, and it does not count towards averages).
  public var weekHasData: [Bool]
  /// Topics with items in any of the weeks, in the profile's order.
  public var topics: [TopicWeeks]
  public var outlets: [Outlet]
  public var actors: [Actor]
  public var figures: [Figure]

  /// The ISO week, `2026-W48`.
  public var week: String { digest.period.day }
  public var language: DigestLanguage { digest.language }
  public var isEmpty: Bool { digest.isEmpty }

  /// The average of the earlier weeks that had data, one decimal; nil when none had.
  func average(_ counts: some Collection<Int>) -> Double? {
    let kept = zip(counts, weekHasData).filter(\.1).map(\.0)
    guard !kept.isEmpty else { return nil }
    let mean = Double(kept.reduce(0, +)) / Double(kept.count)
    return (mean * 10).rounded() / 10
  }
}
