import Foundation
import KazazModel

/// Renders a weekly report as one self-contained HTML file with the daily digest's stylesheet,
/// story cards and escaping (`HTMLRenderer`): no script, no external resource, every feed string
/// escaped, only http(s) links as anchors. The topic chart has its numbers as a table beside it.
public struct WeeklyHTMLRenderer: Sendable {
  public init() {}

  public func render(_ report: WeeklyReport) -> String {
    let digest = report.digest
    let words = DigestStrings.of(report.language)
    let weekly = WeeklyStrings.of(report.language)
    let html = HTMLRenderer()
    let title = "\(weekly.title) — \(report.week)"
    var out = HTMLRenderer.pageHead(title: title, language: report.language)
    out += "<header><h1>\(HTMLEscaping.escape(title))</h1>\n"
    out += "<p class=\"period\">\(html.period(digest, words))</p>\n"
    out += "<ul class=\"counts\">"
    out += "<li><b>\(digest.relevantCount)</b>\(HTMLEscaping.escape(words.relevant))</li>"
    out += "<li><b>\(digest.totalItems)</b>\(HTMLEscaping.escape(words.newItems))</li>"
    out += "<li><b>\(digest.feedCount)</b>\(HTMLEscaping.escape(words.feeds))</li>"
    out += "</ul></header>\n"
    if report.isEmpty {
      out += "<p class=\"empty\">"
      out += HTMLEscaping.escape(weekly.emptyWeek(digest.totalItems, digest.feedCount))
      out += "</p>\n"
    } else {
      out += "<section id=\"top\"><h2>\(HTMLEscaping.escape(weekly.topStories))</h2>"
      out += "<ol class=\"stories\">\n"
      for entry in report.topStories {
        out += "<li>" + html.story(entry, digest, words, top: true) + "</li>\n"
      }
      out += "</ol></section>\n"
    }
    out += topicWeeks(report, weekly)
    if !report.isEmpty {
      out += outlets(report, weekly)
      out += actors(report, weekly)
      out += figures(report, weekly, words)
    }
    out += html.feedHealth(digest, words)
    out += "<footer>kazaz-monitor · \(HTMLEscaping.escape(report.week))</footer>\n"
    return out + "</main>\n</body>\n</html>\n"
  }

  /// The chart, then the same numbers as a table (the chart's text fallback, and what a reader
  /// without images gets).
  private func topicWeeks(_ report: WeeklyReport, _ weekly: WeeklyStrings) -> String {
    let caption = HTMLEscaping.escape(weekly.topicWeeks)
    var out = "<section id=\"topics\"><h2>\(caption)</h2>\n"
    let chart = SVGCharts.topicWeeks(report, title: weekly.topicWeeks, words: weekly)
    if !chart.isEmpty {
      out += "<figure id=\"chart-topic-weeks\"><figcaption>"
      out += "\(HTMLEscaping.escape(weekly.chartLegend))</figcaption>"
      out += chart + "</figure>\n"
    }
    out += "<table><thead><tr><th></th>"
    for week in report.weeks.dropLast() {
      out += "<th class=\"num\">\(HTMLEscaping.escape(String(week.suffix(3))))</th>"
    }
    out += "<th class=\"num\">\(HTMLEscaping.escape(weekly.thisWeek))</th>"
    out += "<th class=\"num\">\(HTMLEscaping.escape(weekly.average))</th></tr></thead><tbody>\n"
    func row(_ label: String, _ counts: [Int]) {
      let average = report.average(counts.dropLast()).map { String(format: "%.1f", $0) } ?? "–"
      out += "<tr><td>\(HTMLEscaping.escape(label))</td>"
      out += counts.dropLast().map { "<td class=\"num\">\($0)</td>" }.joined()
      out += "<td class=\"num\"><b>\(counts.last ?? 0)</b></td>"
      out += "<td class=\"num\">\(average)</td></tr>\n"
    }
    row(weekly.allTopics, report.relevantPerWeek)
    for topic in report.topics {
      row(TopicNames.name(topic.topic, in: report.language), topic.counts)
    }
    out += "</tbody></table>\n<p class=\"note\">\(HTMLEscaping.escape(weekly.averageNote))</p>"
    return out + "</section>\n"
  }

  private func outlets(_ report: WeeklyReport, _ weekly: WeeklyStrings) -> String {
    var out = "<section id=\"outlets\"><h2>\(HTMLEscaping.escape(weekly.outlets))</h2>\n"
    out += "<table><thead><tr><th></th>"
    out += "<th class=\"num\">\(HTMLEscaping.escape(weekly.relevantItems))</th></tr></thead>"
    out += "<tbody>\n"
    for outlet in report.outlets {
      out += "<tr><td>\(HTMLEscaping.escape(outlet.name))</td>"
      out += "<td class=\"num\">\(outlet.relevantCount)</td></tr>\n"
    }
    return out + "</tbody></table></section>\n"
  }

  private func actors(_ report: WeeklyReport, _ weekly: WeeklyStrings) -> String {
    var out = "<section id=\"actors\"><h2>\(HTMLEscaping.escape(weekly.actors))</h2>\n"
    guard !report.actors.isEmpty else {
      return out + "<p>\(HTMLEscaping.escape(weekly.noPeople))</p></section>\n"
    }
    out += "<table><thead><tr><th></th>"
    out += "<th class=\"num\">\(HTMLEscaping.escape(weekly.articles))</th>"
    out += "<th class=\"num\">\(HTMLEscaping.escape(weekly.mentions))</th></tr></thead><tbody>\n"
    for actor in report.actors {
      let kind = actor.kind == .person ? weekly.person : weekly.organisation
      out += "<tr><td>\(HTMLEscaping.escape(actor.name)) "
      out += "<span class=\"note\">(\(HTMLEscaping.escape(kind)))</span></td>"
      out +=
        "<td class=\"num\">\(actor.articles)</td><td class=\"num\">\(actor.mentions)</td></tr>\n"
    }
    return out + "</tbody></table></section>\n"
  }

  private func figures(_ report: WeeklyReport, _ weekly: WeeklyStrings, _ words: DigestStrings)
    -> String
  {
    var out = "<section id=\"figures\"><h2>\(HTMLEscaping.escape(weekly.figures))</h2>\n"
    guard !report.figures.isEmpty else {
      return out + "<p>\(HTMLEscaping.escape(weekly.noFigures))</p></section>\n"
    }
    out += "<ul class=\"figures week\">"
    for figure in report.figures {
      let story = figure.story
      out +=
        "<li><span class=\"subject\">\(HTMLEscaping.escape(figure.group.subject ?? ""))</span> "
      out += HTMLEscaping.escape(figure.group.figures.joined(separator: ", "))
      out += " <span class=\"subject\">— "
      out += HTMLEscaping.link(story.title ?? words.untitled, story.item.url)
      out += " (\(HTMLEscaping.escape(story.source.name)))</span></li>"
    }
    return out + "</ul></section>\n"
  }
}
