import Foundation
import KazazModel

/// Builds a `Digest` from the items of a period: relevant items ranked, grouped by topic in the
/// profile's order, with a lead for each.
public struct DigestBuilder: Sendable {
  /// How many stories the "top stories" list shows.
  public var topStoryCount: Int
  public var topicOrder: [TopicID]

  public init(topicOrder: [TopicID] = TopicID.all, topStoryCount: Int = 5) {
    self.topicOrder = topicOrder
    self.topStoryCount = topStoryCount
  }

  /// Builds from all the items of the period (relevant or not).
  public func build(period: DigestPeriod, items: [StoredItem], feeds: [FeedState]) -> Digest {
    build(
      period: period, relevant: items.filter(\.relevant), totalItems: items.count, feeds: feeds)
  }

  /// Builds from the relevant items of the period and the count of all its items.
  public func build(
    period: DigestPeriod, relevant items: [StoredItem], totalItems: Int, feeds: [FeedState]
  ) -> Digest {
    let relevant = items.filter(\.relevant).sorted {
      ($0.score, $1.firstSeenAt, $1.id) > ($1.score, $0.firstSeenAt, $0.id)
    }
    let entries = relevant.map {
      Digest.Entry(item: $0, lead: Lead.make(from: $0.text, title: $0.title))
    }
    let sections = topicOrder.compactMap { topic -> Digest.TopicSection? in
      let inTopic = entries.filter { $0.item.topics.contains(topic) }
      return inTopic.isEmpty ? nil : Digest.TopicSection(topic: topic, entries: inTopic)
    }
    var languages: [Language: Int] = [:]
    for item in relevant { languages[item.language, default: 0] += 1 }
    let languageCounts = languages.sorted {
      ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue)
    }
    .map { ($0.key, $0.value) }
    return Digest(
      day: period.day, start: period.start, end: period.end, timeZone: period.timeZone,
      totalItems: totalItems, topStories: Array(entries.prefix(topStoryCount)),
      sections: sections, languageCounts: languageCounts,
      failingFeeds: feeds.filter { $0.consecutiveFailures > 0 }.sorted { $0.url < $1.url },
      feedCount: feeds.count, relevantCount: relevant.count)
  }
}

/// The first sentence or two of a text, for digests. Lines that are page furniture rather than
/// prose — the headline repeated, a date line, a photo credit, a menu — are skipped: a lead
/// paragraph is a line of real sentences.
enum Lead {
  static let maximumCharacters = 320
  static let minimumParagraph = 60

  static func make(from text: String, title: String? = nil) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let normalizedTitle = title.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
    let paragraph =
      lines.first { line in
        line.count >= minimumParagraph && isProse(line)
          && (normalizedTitle.map { !line.lowercased().hasPrefix($0) } ?? true)
      } ?? lines.max { $0.count < $1.count } ?? ""
    return sentences(of: paragraph)
  }

  /// Mostly letters and spaces, and at least one sentence-ending mark.
  static func isProse(_ line: String) -> Bool {
    let letters = line.reduce(0) { $0 + ($1.isLetter || $1 == " " ? 1 : 0) }
    let ends = line.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" }
    return ends && Double(letters) / Double(max(line.count, 1)) > 0.8
  }

  static func sentences(of paragraph: String) -> String {
    guard paragraph.count > maximumCharacters else { return paragraph }
    var lead = ""
    var sentence = ""
    for character in paragraph {
      sentence.append(character)
      if character == "." || character == "!" || character == "?" {
        if lead.count + sentence.count > maximumCharacters { break }
        lead += sentence
        sentence = ""
        if lead.count > maximumCharacters / 2 { break }
      }
    }
    if lead.isEmpty {
      let cut = paragraph.prefix(maximumCharacters)
      let lastSpace = cut.lastIndex(of: " ") ?? cut.endIndex
      return String(cut[..<lastSpace]) + "…"
    }
    return lead.trimmingCharacters(in: .whitespaces)
  }
}
