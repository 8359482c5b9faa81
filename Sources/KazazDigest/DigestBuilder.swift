import Foundation
import KazazModel

/// Builds a `Digest` from the items of a period: relevant items merged into stories, ranked
/// (`StoryRanking`), each filed once under its primary topic in the profile's order, with its
/// headline tidied (`Headline`), a lead (`Lead`), its key figures from the stored key facts and
/// the reasons it is here, plus the statistics against earlier days and the feeds' health.
public struct DigestBuilder: Sendable {
  /// How many stories the "top stories" list shows at most: on a day of fewer than twice as
  /// many, half of them (rounded up), so that the topic sections still hold the rest.
  public var topStoryCount: Int
  public var topicOrder: [TopicID]
  public var language: DigestLanguage

  public init(
    topicOrder: [TopicID] = TopicID.all, topStoryCount: Int = 5, language: DigestLanguage = .en
  ) {
    self.topicOrder = topicOrder
    self.topStoryCount = topStoryCount
    self.language = language
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
    let relevant = items.filter(\.relevant).sorted {
      ($0.score, $1.firstSeenAt, $1.id) > ($1.score, $0.firstSeenAt, $0.id)
    }
    let entries = SameStory.merge(relevant).map { entry(for: $0, periodEnd: period.end) }
      .sorted {
        ($0.rank, $1.item.firstSeenAt, $1.item.id) > ($1.rank, $0.item.firstSeenAt, $0.item.id)
      }
    let topCount = min(topStoryCount, (entries.count + 1) / 2)
    let sections = (topicOrder.map { Optional($0) } + [nil]).compactMap {
      topic -> Digest.TopicSection? in
      let filed = entries.filter { $0.primaryTopic == topic }
      return filed.isEmpty ? nil : Digest.TopicSection(topic: topic, entries: filed)
    }
    let problems = feeds.filter { $0.consecutiveFailures > 0 || $0.isDisabled }
      .sorted { $0.url < $1.url }
      .map {
        Digest.FeedProblem(
          name: $0.title ?? DigestText.host(of: $0.url), url: $0.url,
          consecutiveFailures: $0.consecutiveFailures, lastError: $0.lastError,
          disabledReason: $0.disabledReason, blocked: $0.isBlocked)
      }
    return Digest(
      period: period, language: language, totalItems: counts.total,
      relevantCount: relevant.count, feedCount: feeds.count, stories: entries,
      topStories: Array(entries.prefix(topCount)), sections: sections,
      statistics: DigestStatistics.make(
        day: period.day, current: counts, history: history, topicOrder: topicOrder),
      feedProblems: problems)
  }

  /// The entry of one story: its topics split into the primary one and tags, in the digest's
  /// topic order.
  func entry(for story: SameStory.Story, periodEnd: Date) -> Digest.Entry {
    let item = story.item
    let known = item.topics.filter(topicOrder.contains).sorted {
      (topicOrder.firstIndex(of: $0) ?? 0) < (topicOrder.firstIndex(of: $1) ?? 0)
    }
    // Items stored before primary topics existed fall back to their first topic.
    let primary = item.primaryTopic.flatMap { known.contains($0) ? $0 : nil } ?? known.first
    // The other topics strongest first, by what their terms contributed (stored evidence).
    var strength: [TopicID: Double] = [:]
    for evidence in item.evidence {
      if case .topic(let topic) = evidence.kind {
        strength[topic, default: 0] += evidence.contribution
      }
    }
    let others = known.filter { $0 != primary }.enumerated().sorted {
      (strength[$0.element] ?? 0, $1.offset) > (strength[$1.element] ?? 0, $0.offset)
    }.map(\.element)
    let figures = item.keyFacts.filter(\.isFigure)
    let title = item.title.map {
      Headline.tidy($0, feedTitle: item.feedTitle, feedURL: item.feedURL, language: item.language)
    }
    return Digest.Entry(
      item: item, title: title, lead: Lead.make(from: item.text, title: item.title),
      primaryTopic: primary, otherTopics: others, keyFacts: figures,
      keyFigures: KeyFigureText.groups(figures, language: item.language),
      reasons: Reasons.of(item, title: title, topics: (primary.map { [$0] } ?? []) + others),
      alsoReportedBy: story.others,
      rank: StoryRanking.rank(of: item, outlets: 1 + story.others.count, periodEnd: periodEnd))
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
