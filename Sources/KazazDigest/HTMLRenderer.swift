import Foundation
import KazazModel

/// Renders a digest as one self-contained HTML file: inline CSS (light and dark, one column that
/// reads on a phone), inline SVG charts, no script and no external resource. A
/// Content-Security-Policy forbids scripts and remote loads even if a string slipped through;
/// every feed string is escaped and only http(s) links become anchors.
public struct HTMLRenderer: Sendable {
  public init() {}

  /// The start of every page up to `<main>`: a self-contained document whose
  /// Content-Security-Policy forbids scripts and remote loads, light and dark.
  static func pageHead(title: String, language: DigestLanguage) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <meta name="referrer" content="no-referrer">
    <meta name="color-scheme" content="light dark">
    <title>\(HTMLEscaping.escape(title))</title>
    <style>\(HTMLStyle.css)</style>
    </head>
    <body>
    <main>

    """
  }

  public func render(_ digest: Digest) -> String {
    let words = DigestStrings.of(digest.language)
    let title = "\(words.title) — \(digest.day)"
    var out = Self.pageHead(title: title, language: digest.language)
    out += header(digest, words)
    if digest.isEmpty {
      out +=
        "<p class=\"empty\">\(HTMLEscaping.escape(words.emptyDay(digest.totalItems, digest.feedCount)))</p>\n"
    } else {
      out += "<section id=\"top\"><h2>\(words.topStories)</h2><ol class=\"stories\">\n"
      for entry in digest.topStories {
        out += "<li>" + story(entry, digest, words, top: true) + "</li>\n"
      }
      out += "</ol></section>\n"
    }
    out += charts(digest, words)
    // Every other story once, under its primary topic.
    for section in digest.sections {
      let entries = digest.untold(section)
      guard !entries.isEmpty else { continue }
      let name = HTMLEscaping.escape(DigestHeadline.section(section.topic, digest, words))
      let id = section.topic.map { "topic-\(HTMLEscaping.escape($0.rawValue))" } ?? "other"
      out += "<section id=\"\(id)\">"
      out += "<h2>\(name) <span class=\"n\">\(entries.count)</span></h2>\n"
      for entry in entries { out += story(entry, digest, words, top: false) + "\n" }
      out += "</section>\n"
    }
    out += statistics(digest, words)
    out += feedHealth(digest, words)
    out += "<footer>kazaz-monitor · \(HTMLEscaping.escape(digest.day))</footer>\n"
    return out + "</main>\n</body>\n</html>\n"
  }

  private func header(_ digest: Digest, _ words: DigestStrings) -> String {
    let stats = digest.statistics
    var out = "<header><h1>\(HTMLEscaping.escape(words.title)) — \(digest.day)</h1>\n"
    out += "<p class=\"period\">\(period(digest, words))</p>\n"
    out += "<ul class=\"counts\">"
    out += "<li\(stats.relevant.isSpike ? " class=\"spike\"" : "")><b>\(digest.relevantCount)</b>"
    out += "\(HTMLEscaping.escape(words.relevant))</li>"
    out += "<li><b>\(digest.totalItems)</b>\(HTMLEscaping.escape(words.newItems))</li>"
    out += "<li><b>\(digest.feedCount)</b>\(HTMLEscaping.escape(words.feeds))</li>"
    return out + "</ul></header>\n"
  }

  /// A story: headline, source and time, the lead, key figures, topics (the primary one marked),
  /// the reasons folded away, and the other outlets.
  /// The period line, each date and time kept on one line.
  func period(_ digest: Digest, _ words: DigestStrings) -> String {
    let period = digest.period
    let time = { (date: Date) in
      "<span class=\"nowrap\">\(DigestText.localTime(date, period.timeZone))</span>"
    }
    let partial = period.isPartial ? ", \(HTMLEscaping.escape(words.soFar))" : ""
    return
      "\(HTMLEscaping.escape(words.itemsFirstSeen)) \(time(period.start)) – \(time(period.end))"
      + " (\(HTMLEscaping.escape(period.timeZone.identifier))\(partial))"
  }

  func story(_ entry: Digest.Entry, _ digest: Digest, _ words: DigestStrings, top: Bool)
    -> String
  {
    let item = entry.item
    var out = "<article class=\"story\" id=\"story-\(item.id)\"><h3>"
    out += HTMLEscaping.link(entry.title ?? words.untitled, item.url) + "</h3>"
    var meta = [HTMLEscaping.escape(entry.source.name)]
    if let published = item.publishedAt {
      meta.append(
        "<time datetime=\"\(DigestText.rfc3339(published))\">"
          + "\(DigestText.localTime(published, digest.timeZone))</time>")
    }
    meta.append(item.language.rawValue.uppercased())
    out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>"
    if !entry.lead.isEmpty { out += "<p class=\"lead\">\(HTMLEscaping.escape(entry.lead))</p>" }
    if !entry.keyFigures.isEmpty {
      out += "<ul class=\"figures\" aria-label=\"\(HTMLEscaping.escape(words.keyFigures))\">"
      for group in entry.keyFigures {
        out += "<li>"
        if let subject = group.subject {
          out += "<span class=\"subject\">\(HTMLEscaping.escape(subject))</span> "
        }
        out += HTMLEscaping.escape(group.figures.joined(separator: ", ")) + "</li>"
      }
      out += "</ul>"
    }
    // Under a topic's heading the story's primary topic goes without saying.
    let tags = top ? entry.topics : entry.otherTopics
    if !tags.isEmpty {
      let shown = tags.prefix(Digest.Entry.tagsShown + (top && entry.primaryTopic != nil ? 1 : 0))
      out += "<p class=\"topics\">"
      out += shown.map { topic in
        let primary = top && topic == entry.primaryTopic ? " primary" : ""
        let name = HTMLEscaping.escape(TopicNames.name(topic, in: digest.language))
        return "<span class=\"tag\(primary)\">\(name)</span>"
      }.joined(separator: " ")
      if tags.count > shown.count {
        out +=
          " <span class=\"more\">\(HTMLEscaping.escape(words.more(tags.count - shown.count)))</span>"
      }
      out += "</p>"
    }
    out += why(entry.reasons, digest, words)
    if !entry.alsoReportedBy.isEmpty {
      let sources = entry.alsoReportedBy.map { HTMLEscaping.link($0.name, $0.link) }
      out += "<p class=\"also\">\(HTMLEscaping.escape(words.alsoReportedBy)): "
      out += sources.joined(separator: ", ") + "</p>"
    }
    return out + "</article>"
  }

  /// The reasons, folded: where both sides are named, the words behind each topic, the score.
  func why(_ reasons: Reasons, _ digest: Digest, _ words: DigestStrings) -> String {
    var out = "<details class=\"why\"><summary>\(HTMLEscaping.escape(words.whyTitle))</summary>"
    out += "<ul>"
    if let sides = reasons.sides {
      let phrase = words.sides(sides)
      out += "<li>\(HTMLEscaping.escape(phrase.prefix(1).uppercased() + phrase.dropFirst()))</li>"
    }
    for topic in reasons.topics {
      let name = HTMLEscaping.escape(TopicNames.name(topic.topic, in: digest.language))
      out += "<li><b>\(name)</b>: \(HTMLEscaping.escape(topic.terms.joined(separator: ", ")))</li>"
    }
    let score = words.score(DigestHeadline.score(reasons.score))
    out += "<li>\(HTMLEscaping.escape(score.prefix(1).uppercased() + score.dropFirst()))</li>"
    return out + "</ul></details>"
  }

  private func charts(_ digest: Digest, _ words: DigestStrings) -> String {
    let stats = digest.statistics
    var out = "<section id=\"charts\"><h2>\(HTMLEscaping.escape(words.charts))</h2>\n"
    let bars = SVGCharts.topicBars(stats, language: digest.language, title: words.relevantPerTopic)
    if !bars.isEmpty {
      out +=
        "<figure id=\"chart-topics\"><figcaption>\(HTMLEscaping.escape(words.relevantPerTopic))"
      out += "</figcaption>\(bars)</figure>\n"
    }
    out += "<figure id=\"chart-trend\"><figcaption>\(HTMLEscaping.escape(words.trend))</figcaption>"
    out += SVGCharts.trend(stats, title: words.trend) + "</figure>\n"
    return out + "</section>\n"
  }

  private func statistics(_ digest: Digest, _ words: DigestStrings) -> String {
    let stats = digest.statistics
    var out = "<section id=\"statistics\"><h2>\(HTMLEscaping.escape(words.statistics))</h2>\n"
    out += "<table><thead><tr><th></th><th class=\"num\">\(HTMLEscaping.escape(words.count))</th>"
    out += "<th class=\"num\">\(HTMLEscaping.escape(words.average))</th></tr></thead><tbody>\n"
    func row(_ label: String, _ figure: DigestStatistics.Figure) {
      let average = figure.average.map { String(format: "%.1f", $0) } ?? "–"
      let spike = figure.isSpike ? " <span class=\"spike-note\">▲ \(words.spike)</span>" : ""
      out += "<tr><td>\(HTMLEscaping.escape(label))</td><td class=\"num\">\(figure.count)\(spike)"
      out += "</td><td class=\"num\">\(average)</td></tr>\n"
    }
    for (label, figure) in stats.rows(digest.language, words) { row(label, figure) }
    out += "</tbody></table>\n<p class=\"note\">"
    out += HTMLEscaping.escape(
      stats.baselineDayCount > 0 ? words.averageNote(stats.baselineDayCount) : words.noBaseline)
    return out + "</p></section>\n"
  }

  func feedHealth(_ digest: Digest, _ words: DigestStrings) -> String {
    var out = "<section id=\"feeds\"><h2>\(HTMLEscaping.escape(words.feedHealth))</h2>\n"
    if digest.feedProblems.isEmpty {
      out += "<p>\(HTMLEscaping.escape(words.allFeedsHealthy(digest.feedCount)))</p>"
      if digest.deliveryProblems.isEmpty { return out + "</section>\n" }
    }
    out += "<ul class=\"feeds\">"
    for feed in digest.feedProblems {
      out += "<li><b>\(HTMLEscaping.escape(feed.name))</b>: "
      out += HTMLEscaping.escape(DigestHeadline.problem(feed, words)) + "</li>"
    }
    for mail in digest.deliveryProblems {
      out += "<li>" + HTMLEscaping.escape(DigestHeadline.problem(mail, words)) + "</li>"
    }
    return out + "</ul></section>\n"
  }
}
