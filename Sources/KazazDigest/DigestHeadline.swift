import Foundation
import KazazModel

/// Phrases several renderers share: the period line, a feed problem's description, a section's
/// name and the short reason a story is here.
enum DigestHeadline {
  /// "Items first seen 2026-11-24 08:00 – 2026-11-25 08:00 (Asia/Almaty)"; a partial period
  /// ends with "so far".
  static func period(_ digest: Digest, _ words: DigestStrings) -> String {
    let period = digest.period
    let start = DigestText.localTime(period.start, period.timeZone)
    let end = DigestText.localTime(period.end, period.timeZone)
    let partial = period.isPartial ? ", \(words.soFar)" : ""
    return "\(words.itemsFirstSeen) \(start) – \(end) (\(period.timeZone.identifier)\(partial))"
  }

  /// "failing for 3 polls — HTTP 503", "disabled — 410 Gone", or "failing for 1 polls —
  /// blocked by the site's bot protection (Cloudflare challenge, HTTP 403) from …".
  static func problem(_ feed: Digest.FeedProblem, _ words: DigestStrings) -> String {
    if let reason = feed.disabledReason { return "\(words.disabled) — \(reason)" }
    if feed.blocked {
      // The stored message names the protection in English; its details follow the phrase.
      let english = "blocked by the site's bot protection"
      let detail =
        (feed.lastError ?? "").hasPrefix(english)
        ? String((feed.lastError ?? "").dropFirst(english.count)) : ""
      return "\(words.failing(feed.consecutiveFailures)) — \(words.blockedByBotProtection)\(detail)"
    }
    return
      "\(words.failing(feed.consecutiveFailures)) — \(feed.lastError ?? words.unknownError)"
  }

  /// "Mail of digest 2026-12-06 to desk@example.org: failing after 3 attempts — login refused".
  static func problem(_ mail: Digest.DeliveryProblem, _ words: DigestStrings) -> String {
    "\(words.mailOf(mail.report, mail.recipient)): \(words.mailFailing(mail.attempts, mail.givenUp))"
      + " — \(mail.lastError)"
  }

  /// The heading of a section: its topic's name, or "Other stories".
  static func section(_ topic: TopicID?, _ digest: Digest, _ words: DigestStrings) -> String {
    topic.map { TopicNames.name($0, in: digest.language) } ?? words.otherStories
  }

  /// "both sides in the headline; topic terms: ferry, Aktau port" (the primary topic's terms),
  /// or nil when the stored evidence says neither.
  static func why(_ reasons: Reasons, _ words: DigestStrings) -> String? {
    var parts: [String] = []
    if let sides = reasons.sides { parts.append(words.sides(sides)) }
    if let terms = reasons.topics.first?.terms, !terms.isEmpty {
      parts.append("\(words.topicTerms): \(terms.joined(separator: ", "))")
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// A score with at most one decimal: "36.3".
  static func score(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    return String(format: "%.1f", value)
  }
}
