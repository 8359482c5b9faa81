import Foundation
import KazazModel

/// Builds a `WeeklyReport` from the relevant items of a week: the stories through
/// `DigestBuilder` (same-story merging, ranking, headlines, leads, key figures, reasons), then
/// the week's tallies from the same items.
public struct WeeklyReportBuilder: Sendable {
  /// How many earlier weeks each topic's count is set against.
  public static let previousWeeks = 4
  public var topicOrder: [TopicID]
  public var language: DigestLanguage
  /// How many stories the top list shows at most.
  public var topStoryCount = 10
  /// How many outlets, people and organisations, and figures are listed at most.
  public var listLimit = 10
  /// At most this many figures of one story are listed.
  static let figuresPerStory = 2

  public init(topicOrder: [TopicID] = TopicID.all, language: DigestLanguage = .en) {
    self.topicOrder = topicOrder
    self.language = language
  }

  /// - Parameters:
  ///   - relevant: the relevant items first seen in the week;
  ///   - counts: the week's counts;
  ///   - previous: the counts of the earlier weeks, oldest first, with their labels.
  public func build(
    period: DigestPeriod, relevant: [StoredItem], counts: ItemCounts,
    previous: [(week: String, counts: ItemCounts)], feeds: [FeedState]
  ) -> WeeklyReport {
    let digest = DigestBuilder(topicOrder: topicOrder, language: language).build(
      period: period, relevant: relevant, counts: counts, history: [], feeds: feeds)
    let weeks = previous + [(week: period.day, counts: counts)]
    let topics = topicOrder.compactMap { topic -> WeeklyReport.TopicWeeks? in
      let series = weeks.map { $0.counts.byTopic[topic] ?? 0 }
      return series.contains { $0 > 0 }
        ? WeeklyReport.TopicWeeks(topic: topic, counts: series) : nil
    }
    return WeeklyReport(
      digest: digest, topStories: Array(digest.stories.prefix(topStoryCount)),
      weeks: weeks.map(\.week), relevantPerWeek: weeks.map(\.counts.relevant),
      weekHasData: weeks.map { $0.counts.total > 0 }, topics: topics,
      outlets: outlets(relevant.filter(\.relevant)), actors: actors(relevant.filter(\.relevant)),
      figures: figures(digest.stories))
  }

  /// Feeds by relevant items published in the week, most first.
  func outlets(_ items: [StoredItem]) -> [WeeklyReport.Outlet] {
    var byFeed: [String: WeeklyReport.Outlet] = [:]
    for item in items {
      let name = item.feedTitle ?? DigestText.host(of: item.feedURL)
      byFeed[item.feedURL, default: .init(name: name, feedURL: item.feedURL, relevantCount: 0)]
        .relevantCount += 1
    }
    return byFeed.values.sorted {
      ($0.relevantCount, $1.name, $1.feedURL) > ($1.relevantCount, $0.name, $0.feedURL)
    }.prefix(listLimit).map { $0 }
  }

  /// People and organisations by the relevant items that name them, then by mentions.
  func actors(_ items: [StoredItem]) -> [WeeklyReport.Actor] {
    struct Key: Hashable {
      var kind: KeyFact.Kind
      var name: String
    }
    var tally: [Key: WeeklyReport.Actor] = [:]
    for item in items {
      var seen: Set<Key> = []
      for fact in item.keyFacts where fact.kind == .person || fact.kind == .institution {
        let name = DigestText.oneLine(fact.text)
        guard !name.isEmpty else { continue }
        let key = Key(kind: fact.kind, name: name)
        var actor = tally[key] ?? .init(name: name, kind: fact.kind, articles: 0, mentions: 0)
        if seen.insert(key).inserted { actor.articles += 1 }
        // A hostile or corrupt count cannot overflow the sum.
        actor.mentions = min(actor.mentions + min(max(fact.count ?? 1, 1), 1_000), 1_000_000)
        tally[key] = actor
      }
    }
    return tally.values.sorted {
      ($0.articles, $0.mentions, $1.name, $1.kind.rawValue)
        > ($1.articles, $1.mentions, $0.name, $0.kind.rawValue)
    }.prefix(listLimit).map { $0 }
  }

  /// The figures with their phrases, from the stories in rank order.
  func figures(_ stories: [Digest.Entry]) -> [WeeklyReport.Figure] {
    var figures: [WeeklyReport.Figure] = []
    for story in stories where figures.count < listLimit {
      let groups = story.keyFigures.filter { $0.subject != nil }.prefix(Self.figuresPerStory)
      for group in groups where figures.count < listLimit {
        figures.append(WeeklyReport.Figure(group: group, story: story))
      }
    }
    return figures
  }
}
