import Foundation
import KazazModel

/// Renders a weekly report as Markdown, with the daily digest's story lines and escaping
/// (`MarkdownRenderer`): every feed string on one line and escaped, only http(s) links linked.
public struct WeeklyMarkdownRenderer: Sendable {
  public init() {}

  public func render(_ report: WeeklyReport) -> String {
    let digest = report.digest
    let words = DigestStrings.of(report.language)
    let weekly = WeeklyStrings.of(report.language)
    let markdown = MarkdownRenderer()
    var out = "# \(weekly.title) — \(report.week)\n\n"
    out += "_\(DigestHeadline.period(digest, words))_\n\n"
    if report.isEmpty {
      out += weekly.emptyWeek(digest.totalItems, digest.feedCount) + "\n\n"
    } else {
      out += "**\(digest.relevantCount)** "
      out += words.relevantTail(digest.totalItems, digest.feedCount) + "\n\n"
      out += "## \(weekly.topStories)\n\n"
      for (index, entry) in report.topStories.enumerated() {
        out +=
          "\(index + 1). " + markdown.story(entry, digest, words, indent: "   ", top: true)
          + "\n"
      }
    }
    out += topicWeeks(report, weekly)
    if !report.isEmpty {
      out += outlets(report, weekly)
      out += actors(report, weekly)
      out += figures(report, weekly, words)
    }
    out += markdown.feedHealth(digest, words)
    return out
  }

  /// The topic counts as a table: the earlier weeks, this week, the average.
  private func topicWeeks(_ report: WeeklyReport, _ weekly: WeeklyStrings) -> String {
    var out =
      "## \(weekly.topicWeeks)\n\n| |"
      + report.weeks.dropLast().map { " \($0.suffix(3)) |" }.joined()
      + " \(weekly.thisWeek) | \(weekly.average) |\n|---|"
      + String(repeating: "---:|", count: report.weeks.count + 1) + "\n"
    func row(_ label: String, _ counts: [Int]) {
      let average = report.average(counts.dropLast()).map { String(format: "%.1f", $0) } ?? "–"
      out += "| \(label) |" + counts.dropLast().map { " \($0) |" }.joined()
      out += " **\(counts.last ?? 0)** | \(average) |\n"
    }
    row(weekly.allTopics, report.relevantPerWeek)
    for topic in report.topics {
      row(TopicNames.name(topic.topic, in: report.language), topic.counts)
    }
    return out + "\n_\(weekly.averageNote)_\n\n"
  }

  private func outlets(_ report: WeeklyReport, _ weekly: WeeklyStrings) -> String {
    var out = "## \(weekly.outlets)\n\n| | \(weekly.relevantItems) |\n|---|---:|\n"
    for outlet in report.outlets {
      out += "| \(MarkdownRenderer.escape(outlet.name)) | \(outlet.relevantCount) |\n"
    }
    return out + "\n"
  }

  private func actors(_ report: WeeklyReport, _ weekly: WeeklyStrings) -> String {
    var out = "## \(weekly.actors)\n\n"
    guard !report.actors.isEmpty else { return out + weekly.noPeople + "\n\n" }
    out += "| | \(weekly.articles) | \(weekly.mentions) |\n|---|---:|---:|\n"
    for actor in report.actors {
      let kind = actor.kind == .person ? weekly.person : weekly.organisation
      out += "| \(MarkdownRenderer.escape(actor.name)) (\(kind)) | \(actor.articles) |"
      out += " \(actor.mentions) |\n"
    }
    return out + "\n"
  }

  private func figures(_ report: WeeklyReport, _ weekly: WeeklyStrings, _ words: DigestStrings)
    -> String
  {
    var out = "## \(weekly.figures)\n\n"
    guard !report.figures.isEmpty else { return out + weekly.noFigures + "\n\n" }
    let markdown = MarkdownRenderer()
    for figure in report.figures {
      let subject = MarkdownRenderer.escape(figure.group.subject ?? "")
      let values = MarkdownRenderer.escape(figure.group.figures.joined(separator: ", "))
      let story = figure.story
      out += "- **\(subject)**: \(values) — "
      out += markdown.link(story.title ?? words.untitled, story.item.url)
      out += " (\(MarkdownRenderer.escape(story.source.name)))\n"
    }
    return out + "\n"
  }
}
