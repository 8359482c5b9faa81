import Foundation
import KazazModel

/// Renders a digest as JSON following the versioned schema in `Schema/digest-v2.schema.json`:
/// sorted keys and stable number formatting, so the same digest always gives the same bytes.
/// Feed strings are JSON string values only; item links that are not http(s) become `null`.
public struct JSONRenderer: Sendable {
  public init() {}

  public func render(_ digest: Digest) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Scores and averages are finite; were one not, it is written as a string rather than
    // failing the whole digest. With that, encoding plain structs of strings and numbers
    // cannot fail.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    let data = try! encoder.encode(document(digest))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  func document(_ digest: Digest) -> DigestJSON {
    let stats = digest.statistics
    func figure(_ key: String?, _ value: DigestStatistics.Figure) -> DigestJSON.Figure {
      DigestJSON.Figure(
        key: key, count: value.count, average: value.average, spike: value.isSpike)
    }
    return DigestJSON(
      day: digest.day, language: digest.language.rawValue,
      period: .init(
        start: DigestText.rfc3339(digest.period.start), end: DigestText.rfc3339(digest.period.end),
        timeZone: digest.timeZone.identifier, partial: digest.period.isPartial),
      counts: .init(
        newItems: digest.totalItems, relevant: digest.relevantCount, feeds: digest.feedCount),
      topStories: digest.topStories.map(\.item.id),
      stories: digest.stories.map { story($0, digest) },
      topics: digest.sections.compactMap { section in
        section.topic.map {
          .init(
            id: $0.rawValue, name: TopicNames.name($0, in: digest.language),
            storyIDs: section.entries.map(\.item.id))
        }
      },
      statistics: .init(
        newItems: figure(nil, stats.items), relevant: figure(nil, stats.relevant),
        topics: stats.topics.map { figure($0.topic.rawValue, $0.figure) },
        languages: stats.languages.map { figure($0.language.rawValue, $0.figure) },
        trend: stats.trend.map { .init(day: $0.day, relevant: $0.relevant) },
        baselineDays: stats.baselineDayCount),
      feedHealth: .init(
        feeds: digest.feedCount,
        problems: digest.feedProblems.map {
          .init(
            name: $0.name, url: $0.url, consecutiveFailures: $0.consecutiveFailures,
            lastError: $0.lastError, disabledReason: $0.disabledReason)
        }))
  }

  func story(_ entry: Digest.Entry, _ digest: Digest) -> DigestJSON.Story {
    let item = entry.item
    let reasons = entry.reasons
    return DigestJSON.Story(
      id: item.id, title: entry.title, originalTitle: item.title, url: DigestText.webLink(item.url),
      source: source(entry.source), published: item.publishedAt.map(DigestText.rfc3339),
      firstSeen: DigestText.rfc3339(item.firstSeenAt), language: item.language.rawValue,
      score: Self.rounded(item.score), rank: Self.rounded(entry.rank),
      primaryTopic: entry.primaryTopic?.rawValue, topics: entry.topics.map(\.rawValue),
      tags: entry.otherTopics.map(\.rawValue), lead: entry.lead,
      keyFigures: entry.keyFigures.map(\.text),
      keyFacts: entry.keyFacts.map {
        .init(
          kind: $0.kind.rawValue, text: $0.text,
          value: $0.value.flatMap { $0.isFinite ? Self.rounded($0) : nil },
          currency: $0.currency, unit: $0.unit, subject: $0.subject,
          direction: $0.direction?.rawValue)
      },
      why: .init(
        summary: DigestHeadline.why(reasons, DigestStrings.of(digest.language)),
        sides: reasons.sides?.rawValue,
        topics: reasons.topics.map { .init(topic: $0.topic.rawValue, terms: $0.terms) },
        evidence: reasons.evidence.map {
          .init(
            kind: $0.kind.label, term: $0.term, region: $0.region.rawValue, count: $0.count,
            contribution: Self.rounded($0.contribution))
        }),
      alsoReportedBy: entry.alsoReportedBy.map(source))
  }

  /// Two decimals: enough for a reader, and the same bytes on every run. A value too large to
  /// round stays as it is; one that is not finite becomes 0 (JSON has no infinity).
  static func rounded(_ value: Double) -> Double {
    guard value.isFinite else { return 0 }
    let hundredths = value * 100
    return hundredths.isFinite ? hundredths.rounded() / 100 : value
  }

  func source(_ source: Digest.Source) -> DigestJSON.Source {
    DigestJSON.Source(
      name: source.name, feedURL: source.feedURL, url: DigestText.webLink(source.link))
  }
}
