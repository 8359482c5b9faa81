import Foundation

/// The HTML digest's pictures as inline SVG (no script, no external resource): a bar per topic
/// and a 14-day trend line. Colours come from the page's stylesheet, so they follow dark mode.
/// The view boxes are narrow (400 units) so that text stays legible when a phone scales them.
enum SVGCharts {
  static let width = 400.0

  /// One labelled bar per topic, the label above its bar and the count after it.
  static func topicBars(_ stats: DigestStatistics, language: DigestLanguage, title: String)
    -> String
  {
    let rows = stats.topics.filter { $0.figure.count > 0 }
    guard !rows.isEmpty else { return "" }
    let rowHeight = 34.0
    let height = Double(rows.count) * rowHeight + 4
    let maximum = Double(max(rows.map(\.figure.count).max() ?? 1, 1))
    let barSpace = width - 40
    var out = svgOpen(height: height, label: title)
    for (index, row) in rows.enumerated() {
      let y = Double(index) * rowHeight
      let name = HTMLEscaping.escape(TopicNames.name(row.topic, in: language))
      let length = max(3, barSpace * Double(row.figure.count) / maximum)
      let spike = row.figure.isSpike ? " spike" : ""
      out += "<text x=\"0\" y=\"\(n(y + 13))\">\(name)</text>"
      out += "<rect class=\"track\" x=\"0\" y=\"\(n(y + 18))\" width=\"\(n(barSpace))\""
      out += " height=\"12\" rx=\"3\" opacity=\"0.5\"/>"
      out += "<rect class=\"bar\(spike)\" x=\"0\" y=\"\(n(y + 18))\" width=\"\(n(length))\""
      out += " height=\"12\" rx=\"3\"><title>\(name): \(row.figure.count)</title></rect>"
      out += "<text x=\"\(n(barSpace + 6))\" y=\"\(n(y + 29))\">\(row.figure.count)</text>"
    }
    return out + "</svg>"
  }

  /// Relevant items per day: a line over the last days, a dashed line at the 7-day average, the
  /// digest's own day marked.
  static func trend(_ stats: DigestStatistics, title: String) -> String {
    let points = stats.trend
    guard !points.isEmpty else { return "" }
    let (left, right, top, bottom) = (28.0, 16.0, 10.0, 24.0)
    let height = 150.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let maximum = Double(
      max(points.map(\.relevant).max() ?? 0, 1, Int(stats.relevant.average ?? 0)))
    let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
    func x(_ index: Int) -> Double {
      points.count > 1 ? left + Double(index) * step : left + plotWidth / 2
    }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - value / maximum) }
    var out = svgOpen(height: height, label: title)
    out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\""
    out += " y2=\"\(n(y(0)))\"/>"
    out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(maximum)))\""
    out += " x2=\"\(n(width - right))\" y2=\"\(n(y(maximum)))\"/>"
    out += "<text class=\"axis\" x=\"0\" y=\"\(n(y(maximum) + 4))\">\(Int(maximum))</text>"
    out += "<text class=\"axis\" x=\"0\" y=\"\(n(y(0) + 4))\">0</text>"
    if let average = stats.relevant.average {
      out += "<line class=\"avg\" x1=\"\(n(left))\" y1=\"\(n(y(average)))\""
      out += " x2=\"\(n(width - right))\" y2=\"\(n(y(average)))\"/>"
    }
    let coordinates = points.enumerated().map {
      "\(n(x($0.offset))),\(n(y(Double($0.element.relevant))))"
    }
    out += "<polyline class=\"line\" points=\"\(coordinates.joined(separator: " "))\"/>"
    for (index, point) in points.enumerated() {
      let last = index == points.count - 1
      out += "<circle class=\"dot\(last ? " today" : "")\" cx=\"\(n(x(index)))\""
      out += " cy=\"\(n(y(Double(point.relevant))))\" r=\"\(last ? 5 : 3)\">"
      out += "<title>\(HTMLEscaping.escape(point.day)): \(point.relevant)</title></circle>"
      // Every other day is labelled (and always the last), so labels never collide.
      if (points.count - 1 - index) % 2 == 0 {
        let label = String(point.day.dropFirst(5))
        out += "<text class=\"axis\" x=\"\(n(x(index)))\" y=\"\(n(height - 6))\""
        out += " text-anchor=\"middle\">\(HTMLEscaping.escape(label))</text>"
      }
    }
    return out + "</svg>"
  }

  private static func svgOpen(height: Double, label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
      + " role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\">"
  }

  /// A coordinate with at most one decimal, the same on every machine.
  static func n(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
  }
}
