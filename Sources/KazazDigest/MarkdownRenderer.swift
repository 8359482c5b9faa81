import Foundation
import KazazModel

/// Renders a digest as Markdown (CommonMark with GitHub tables). Every string that came from a
/// feed is put on one line and escaped, and only http(s) links become links: a hostile title
/// cannot inject markup, HTML, a heading or a `javascript:` link.
public struct MarkdownRenderer: Sendable {
  public init() {}

  public func render(_ digest: Digest) -> String {
    let words = DigestStrings.of(digest.language)
    var out = "# \(words.title) — \(digest.day)\n\n"
    out += "_\(DigestHeadline.period(digest, words))_\n\n"
    if digest.isEmpty {
      out += words.emptyDay(digest.totalItems, digest.feedCount) + "\n\n"
    } else {
      out += "**\(digest.relevantCount)** "
      out += words.relevantTail(digest.totalItems, digest.feedCount) + "\n\n"
      out += "## \(words.topStories)\n\n"
      for (index, entry) in digest.topStories.enumerated() {
        out += "\(index + 1). " + story(entry, digest, words, indent: "   ", top: true) + "\n"
      }
      // Every other story once, under its primary topic.
      for section in digest.sections {
        let entries = digest.untold(section)
        guard !entries.isEmpty else { continue }
        out += "## \(DigestHeadline.section(section.topic, digest, words)) (\(entries.count))\n\n"
        for entry in entries {
          out += "- " + story(entry, digest, words, indent: "  ", top: false) + "\n"
        }
      }
    }
    out += statistics(digest, words)
    out += feedHealth(digest, words)
    return out
  }

  /// A story: its headline line, the lead quoted, then one short line each for its key figures,
  /// topics, why it is here and the other outlets.
  func story(
    _ entry: Digest.Entry, _ digest: Digest, _ words: DigestStrings, indent: String, top: Bool
  ) -> String {
    let item = entry.item
    var out = "**\(link(entry.title ?? words.untitled, item.url))**"
    var details = [Self.escape(entry.source.name)]
    if let published = item.publishedAt {
      details.append(DigestText.localTime(published, digest.timeZone))
    }
    details.append(item.language.rawValue)
    out += " — " + details.joined(separator: " · ") + "\n"
    if !entry.lead.isEmpty { out += "\(indent)> \(Self.escape(entry.lead))\n" }
    var notes: [String] = []
    if !entry.keyFigures.isEmpty {
      let figures = entry.keyFigures.map { Self.escape($0.text) }.joined(separator: "; ")
      notes.append("\(words.keyFigures): \(figures)")
    }
    let names = { (topics: [TopicID]) in
      let shown = topics.prefix(Digest.Entry.tagsShown).map {
        TopicNames.name($0, in: digest.language)
      }
      let hidden = topics.count - shown.count
      return (shown + (hidden > 0 ? [words.more(hidden)] : [])).joined(separator: ", ")
    }
    if top, let primary = entry.primaryTopic {
      let also = entry.otherTopics.isEmpty ? "" : "; \(words.also) \(names(entry.otherTopics))"
      notes.append("\(words.topics): \(names([primary]))\(also)")
    } else if !top, !entry.otherTopics.isEmpty {
      notes.append("\(words.otherTopics): \(names(entry.otherTopics))")
    }
    if let why = DigestHeadline.why(entry.reasons, words) {
      notes.append("\(words.why): \(Self.escape(why))")
    }
    if !entry.alsoReportedBy.isEmpty {
      let sources = entry.alsoReportedBy.map { link($0.name, $0.link) }
      notes.append("\(words.alsoReportedBy): \(sources.joined(separator: ", "))")
    }
    for note in notes { out += "\(indent)- \(note)\n" }
    return out
  }

  /// Escaped text, as a link only when the target is http(s).
  func link(_ text: String, _ url: String?) -> String {
    let label = Self.escape(text)
    guard let url = DigestText.webLink(url) else { return label }
    return "[\(label)](\(Self.escapeURL(url)))"
  }

  private func statistics(_ digest: Digest, _ words: DigestStrings) -> String {
    let stats = digest.statistics
    var out = "## \(words.statistics)\n\n| | \(words.count) | \(words.average) |\n|---|---:|---:|\n"
    func row(_ label: String, _ figure: DigestStatistics.Figure) {
      let average = figure.average.map { String(format: "%.1f", $0) } ?? "–"
      let spike = figure.isSpike ? " ▲ \(words.spike)" : ""
      out += "| \(label) | \(figure.count)\(spike) | \(average) |\n"
    }
    for (label, figure) in stats.rows(digest.language, words) { row(label, figure) }
    out += "\n"
    out +=
      stats.baselineDayCount > 0 ? words.averageNote(stats.baselineDayCount) : words.noBaseline
    return out + "\n\n"
  }

  func feedHealth(_ digest: Digest, _ words: DigestStrings) -> String {
    var out = "## \(words.feedHealth)\n\n"
    if digest.feedProblems.isEmpty {
      out += words.allFeedsHealthy(digest.feedCount) + "\n"
      if !digest.deliveryProblems.isEmpty { out += "\n" }
    }
    for feed in digest.feedProblems {
      out +=
        "- \(Self.escape(feed.name)): " + Self.escape(DigestHeadline.problem(feed, words)) + "\n"
    }
    for mail in digest.deliveryProblems {
      out += "- " + Self.escape(DigestHeadline.problem(mail, words)) + "\n"
    }
    return out
  }

  /// Escapes Markdown punctuation and angle brackets so feed text renders as plain text, on one
  /// line.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in DigestText.oneLine(text) {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!":
        out.append("\\")
        out.append(character)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      default: out.append(character)
      }
    }
    return out
  }

  /// Percent-encodes characters that would end a Markdown link destination.
  static func escapeURL(_ url: String) -> String {
    var out = ""
    for character in url {
      switch character {
      case " ": out += "%20"
      case "(": out += "%28"
      case ")": out += "%29"
      case "<": out += "%3C"
      case ">": out += "%3E"
      case "\\": out += "%5C"
      case "\n", "\r", "\t": continue
      default: out.append(character)
      }
    }
    return out
  }
}
