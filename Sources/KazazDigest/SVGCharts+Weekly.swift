import Foundation

extension SVGCharts {
  /// One row per topic: this week's count as a bar, the previous weeks' average as a dashed
  /// mark across it. Accessible: the chart is an image named by its `<title>` and described by
  /// a `<desc>` holding every number in words, and each bar has its own `<title>`.
  static func topicWeeks(_ report: WeeklyReport, title: String, words: WeeklyStrings) -> String {
    let rows = report.topics
    guard !rows.isEmpty else { return "" }
    let rowHeight = 34.0
    let height = Double(rows.count) * rowHeight + 4
    let averages = rows.map { report.average($0.previous) }
    let maximum = Double(
      max(
        rows.map(\.current).max() ?? 1, Int((averages.compactMap { $0 }.max() ?? 0).rounded(.up)), 1
      ))
    let barSpace = width - 40
    let lines = zip(rows, averages).map { row, average in
      line(row, average: average, report: report, words: words)
    }
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
    out += " role=\"img\" aria-labelledby=\"weekly-topics-title weekly-topics-desc\">"
    out += "<title id=\"weekly-topics-title\">\(HTMLEscaping.escape(title))</title>"
    out += "<desc id=\"weekly-topics-desc\">"
    out += lines.map(HTMLEscaping.escape).joined(separator: "; ") + "</desc>"
    for (index, (row, average)) in zip(rows, averages).enumerated() {
      let y = Double(index) * rowHeight
      let name = HTMLEscaping.escape(TopicNames.name(row.topic, in: report.language))
      let length = row.current > 0 ? max(3, barSpace * Double(row.current) / maximum) : 0
      out += "<text x=\"0\" y=\"\(n(y + 13))\">\(name)</text>"
      out += "<rect class=\"track\" x=\"0\" y=\"\(n(y + 18))\" width=\"\(n(barSpace))\""
      out += " height=\"12\" rx=\"3\" opacity=\"0.5\"/>"
      out += "<rect class=\"bar\" x=\"0\" y=\"\(n(y + 18))\" width=\"\(n(length))\""
      out += " height=\"12\" rx=\"3\"><title>\(HTMLEscaping.escape(lines[index]))</title></rect>"
      if let average {
        let x = barSpace * average / maximum
        out += "<line class=\"avg\" x1=\"\(n(x))\" y1=\"\(n(y + 15))\" x2=\"\(n(x))\""
        out += " y2=\"\(n(y + 33))\"/>"
      }
      out += "<text x=\"\(n(barSpace + 6))\" y=\"\(n(y + 29))\">\(row.current)</text>"
    }
    return out + "</svg>"
  }

  /// "Energy: 5 this week, 2.3 a week before (1, 3, 2, 3)".
  static func line(
    _ row: WeeklyReport.TopicWeeks, average: Double?, report: WeeklyReport, words: WeeklyStrings
  ) -> String {
    words.topicLine(
      TopicNames.name(row.topic, in: report.language), row.current,
      average.map { String(format: "%.1f", $0) } ?? "–",
      row.previous.map(String.init).joined(separator: ", "))
  }
}
