import Foundation

/// Phrases several renderers share: the period line and a feed problem's description.
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

  /// "failing for 3 polls — HTTP 503" or "disabled — 410 Gone".
  static func problem(_ feed: Digest.FeedProblem, _ words: DigestStrings) -> String {
    if let reason = feed.disabledReason { return "\(words.disabled) — \(reason)" }
    return
      "\(words.failing(feed.consecutiveFailures)) — \(feed.lastError ?? words.unknownError)"
  }
}
