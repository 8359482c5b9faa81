import Foundation
import KazazModel

/// Renders a digest as Markdown. Every string that came from a feed is escaped, and only http(s)
/// links become links: a hostile title cannot inject markup, HTML or a `javascript:` link.
public struct MarkdownRenderer: Sendable {
  public init() {}

  public func render(_ digest: Digest) -> String {
    var out = "# Kazakhstan–Azerbaijan digest — \(digest.day)\n\n"
    out += "_\(periodLine(digest))_\n\n"
    if digest.relevantCount == 0 {
      out += "Nothing about Kazakhstan–Azerbaijan relations was found in this period"
      out += " (\(digest.totalItems) new items read from \(digest.feedCount) feeds).\n\n"
    } else {
      out += "**\(digest.relevantCount)** relevant of \(digest.totalItems) new items"
      out += " from \(digest.feedCount) feeds.\n\n"
      out += "## Top stories\n\n"
      for (index, entry) in digest.topStories.enumerated() {
        out += "\(index + 1). \(storyLine(entry, timeZone: digest.timeZone))\n"
        if !entry.lead.isEmpty { out += "   > \(Self.escape(entry.lead))\n" }
        if !entry.item.topics.isEmpty {
          out +=
            "   Topics: \(entry.item.topics.map { TopicNames.name($0) }.joined(separator: ", "))\n"
        }
        out += "\n"
      }
      for section in digest.sections {
        out += "## \(TopicNames.name(section.topic)) (\(section.entries.count))\n\n"
        for entry in section.entries {
          out += "- \(storyLine(entry, timeZone: digest.timeZone))\n"
        }
        out += "\n"
      }
    }
    out += statistics(digest)
    out += feedHealth(digest)
    return out
  }

  private func periodLine(_ digest: Digest) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = digest.timeZone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return
      "Items first seen \(formatter.string(from: digest.start)) – \(formatter.string(from: digest.end)) (\(digest.timeZone.identifier))"
  }

  private func storyLine(_ entry: Digest.Entry, timeZone: TimeZone) -> String {
    let item = entry.item
    let title = Self.escape(item.title ?? "(untitled)")
    var line =
      Self.isWebLink(item.url) ? "**[\(title)](\(Self.escapeURL(item.url!)))**" : "**\(title)**"
    var details = [Self.escape(item.feedTitle ?? Self.host(of: item.feedURL))]
    if let published = item.publishedAt { details.append(Self.localTime(published, timeZone)) }
    details.append(item.language.rawValue)
    line += " — " + details.joined(separator: " · ")
    return line
  }

  private func statistics(_ digest: Digest) -> String {
    var out = "## Statistics\n\n| | count |\n|---|---:|\n"
    out += "| new items | \(digest.totalItems) |\n| relevant | \(digest.relevantCount) |\n"
    for (language, count) in digest.languageCounts {
      out += "| relevant in \(language.rawValue) | \(count) |\n"
    }
    for section in digest.sections {
      out += "| \(TopicNames.name(section.topic)) | \(section.entries.count) |\n"
    }
    return out + "\n"
  }

  private func feedHealth(_ digest: Digest) -> String {
    var out = "## Feed health\n\n"
    if digest.failingFeeds.isEmpty {
      return out + "All \(digest.feedCount) feeds answered normally.\n"
    }
    for feed in digest.failingFeeds {
      let name = Self.escape(feed.title ?? feed.url)
      let reason = Self.escape(feed.lastError ?? "unknown error")
      out += "- \(name): failing for \(feed.consecutiveFailures) polls — \(reason)\n"
    }
    return out
  }

  static func localTime(_ date: Date, _ timeZone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }

  static func host(of url: String) -> String { URLComponents(string: url)?.host ?? url }

  static func isWebLink(_ url: String?) -> Bool {
    guard let url, let scheme = URLComponents(string: url)?.scheme?.lowercased() else {
      return false
    }
    return scheme == "http" || scheme == "https"
  }

  /// Escapes Markdown punctuation and angle brackets so feed text renders as plain text.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "|", "~":
        out.append("\\")
        out.append(character)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\n", "\r": out.append(" ")
      default: out.append(character)
      }
    }
    return out
  }

  /// Percent-encodes characters that would end a Markdown link destination.
  static func escapeURL(_ url: String) -> String {
    url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28")
      .replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: "<", with: "%3C")
      .replacingOccurrences(of: ">", with: "%3E")
  }
}
