import Foundation
import KazazModel

/// Builds a `Digest` from the items of a period: relevant items merged into stories, ranked,
/// grouped by topic in the profile's order, each with a lead and its key figures, plus the
/// statistics against earlier days and the feeds' health.
public struct DigestBuilder: Sendable {
  /// How many stories the "top stories" list shows.
  public var topStoryCount: Int
  public var topicOrder: [TopicID]
  public var language: DigestLanguage
  /// Finds key figures in a story's title and text; swap in the classifier's key facts here.
  public var keyFigures: @Sendable (String) -> [String]

  public init(
    topicOrder: [TopicID] = TopicID.all, topStoryCount: Int = 5, language: DigestLanguage = .en,
    keyFigures: @escaping @Sendable (String) -> [String] = KeyFigures.extract(from:)
  ) {
    self.topicOrder = topicOrder
    self.topStoryCount = topStoryCount
    self.language = language
    self.keyFigures = keyFigures
  }

  /// Builds from all the items of the period (relevant or not), with no history.
  public func build(period: DigestPeriod, items: [StoredItem], feeds: [FeedState]) -> Digest {
    build(
      period: period, relevant: items.filter(\.relevant), counts: Self.counts(of: items),
      history: [], feeds: feeds)
  }

  /// Builds from the relevant items of the period, the period's counts, and the counts of the
  /// days before it (oldest first).
  public func build(
    period: DigestPeriod, relevant items: [StoredItem], counts: ItemCounts,
    history: [DigestStatistics.Day], feeds: [FeedState]
  ) -> Digest {
    let ranked = items.filter(\.relevant).sorted {
      ($0.score, $1.firstSeenAt, $1.id) > ($1.score, $0.firstSeenAt, $0.id)
    }
    let entries = SameStory.merge(ranked).map { story in
      let item = story.item
      return Digest.Entry(
        item: item, lead: Lead.make(from: item.text, title: item.title),
        keyFigures: keyFigures([item.title ?? "", item.text].joined(separator: "\n")),
        alsoReportedBy: story.others)
    }
    let sections = topicOrder.compactMap { topic -> Digest.TopicSection? in
      let inTopic = entries.filter { $0.item.topics.contains(topic) }
      return inTopic.isEmpty ? nil : Digest.TopicSection(topic: topic, entries: inTopic)
    }
    let problems = feeds.filter { $0.consecutiveFailures > 0 || $0.isDisabled }
      .sorted { $0.url < $1.url }
      .map {
        Digest.FeedProblem(
          name: $0.title ?? DigestText.host(of: $0.url), url: $0.url,
          consecutiveFailures: $0.consecutiveFailures, lastError: $0.lastError,
          disabledReason: $0.disabledReason)
      }
    return Digest(
      period: period, language: language, totalItems: counts.total, relevantCount: ranked.count,
      feedCount: feeds.count, stories: entries, topStories: Array(entries.prefix(topStoryCount)),
      sections: sections,
      statistics: DigestStatistics.make(
        day: period.day, current: counts, history: history, topicOrder: topicOrder),
      feedProblems: problems)
  }

  /// Counts a list of items the way the store does.
  public static func counts(of items: [StoredItem]) -> ItemCounts {
    var counts = ItemCounts(total: items.count)
    for item in items where item.relevant {
      counts.relevant += 1
      counts.byLanguage[item.language, default: 0] += 1
      for topic in item.topics { counts.byTopic[topic, default: 0] += 1 }
    }
    return counts
  }
}
