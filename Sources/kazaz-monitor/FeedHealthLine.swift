import Foundation
import KazazModel

/// One line of feed health for `status`: URL, items, state, last status, next poll. The URLs and
/// errors may come from the feed (a redirect's target, a parser's message quoting it), so each is
/// made terminal-safe.
enum FeedHealthLine {
  static func describe(_ feed: FeedState, now: Date) -> String {
    var parts = [feed.url.terminalSafe, "\(feed.itemCount) items"]
    if let reason = feed.disabledReason {
      parts.append("DISABLED: \(reason.terminalSafe)")
      return parts.joined(separator: " — ")
    }
    if feed.lastCheckedAt == nil {
      parts.append("never polled")
    } else if feed.consecutiveFailures > 0 {
      let label = feed.isFailing ? "FAILING" : "failed"
      parts.append(
        "\(label) ×\(feed.consecutiveFailures): \(feed.lastError.terminalSafe(or: "unknown error"))"
      )
    } else {
      parts.append("ok (HTTP \(feed.lastStatus.map(String.init) ?? "-"))")
    }
    if let success = feed.lastSuccessAt { parts.append("last success \(relative(success, now))") }
    if let next = feed.nextCheckAt { parts.append("next poll \(relative(next, now))") }
    if let moved = feed.currentURL { parts.append("moved to \(moved.terminalSafe)") }
    return parts.joined(separator: " — ")
  }

  static func relative(_ date: Date, _ now: Date) -> String {
    let seconds = Int(date.timeIntervalSince(now).rounded())
    if seconds == 0 { return "just now" }
    let magnitude = abs(seconds)
    let text: String
    switch magnitude {
    case ..<60: text = "\(magnitude)s"
    case ..<3600: text = "\(magnitude / 60)m"
    case ..<86_400: text = "\(magnitude / 3600)h\(magnitude % 3600 / 60)m"
    default: text = "\(magnitude / 86_400)d"
    }
    return seconds >= 0 ? "in \(text)" : "\(text) ago"
  }
}
