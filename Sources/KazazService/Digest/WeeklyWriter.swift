import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import KazazStore

/// Builds the weekly report of a week from the store, renders each configured file format, and
/// writes the files atomically under the digest folder, beside the daily digests:
///
/// - `weekly/YYYY/YYYY-Www.md|html|json` — the report of an ISO week;
/// - `weekly/latest.md|html|json` — a copy of the newest week's;
/// - an entry in `digests.atom` (`DigestWriter.writeAtomFeed`).
///
/// As with the daily digest, nothing in the files depends on the moment of writing, so
/// rewriting a week with unchanged data gives byte-identical files.
public struct WeeklyWriter: Sendable {
  public let digests: DigestWriter

  public init(digests: DigestWriter) {
    self.digests = digests
  }

  var store: Store { digests.store }
  var config: DigestConfig { digests.config }
  public var folder: URL { digests.directory.appendingPathComponent("weekly") }

  /// Builds the report of `period` (a week of `schedule`) with its topics against the previous
  /// four weeks.
  public func build(period: DigestPeriod, schedule: WeeklySchedule) throws -> WeeklyReport {
    let relevant = try store.items(firstSeenFrom: period.start, to: period.end, relevantOnly: true)
    let counts = try store.itemCounts(boundaries: [period.start, period.end]).first ?? ItemCounts()
    // The earlier weeks, oldest first: each ends where the next begins.
    var earlier: [DigestPeriod] = []
    var end = period
    for _ in 0..<WeeklyReportBuilder.previousWeeks {
      guard let previous = schedule.period(runDay: schedule.daily.label(ofRun: end.start)),
        previous.end <= end.start
      else { break }
      earlier.insert(previous, at: 0)
      end = previous
    }
    var previous: [(week: String, counts: ItemCounts)] = []
    if let first = earlier.first {
      let boundaries = [first.start] + earlier.map(\.end)
      previous = zip(earlier.map(\.day), try store.itemCounts(boundaries: boundaries)).map {
        (week: $0.0, counts: $0.1)
      }
    }
    return WeeklyReportBuilder(topicOrder: digests.topicOrder, language: config.headingLanguage)
      .build(
        period: period, relevant: relevant, counts: counts, previous: previous,
        feeds: try store.feeds())
  }

  /// Writes the report of the week run on `runDay`; returns the written files (dated files, then
  /// the Atom feed).
  @discardableResult
  public func write(runDay: String, schedule: WeeklySchedule, now: Date) throws -> [URL] {
    guard let period = schedule.period(runDay: runDay) else { return [] }
    return try write(build(period: period, schedule: schedule), period: period, now: now)
  }

  /// Writes a built report of `period`; returns the written files (dated files, then the Atom
  /// feed).
  public func write(_ report: WeeklyReport, period: DigestPeriod, now: Date) throws -> [URL] {
    var written = try digests.writeFormats(
      folder: folder, isNewest: report.week >= (try store.lastWeeklyReportWeek() ?? report.week),
      datedFile: { datedFile(week: report.week, fileExtension: $0) },
      render: { render(report, $0) },
      record: { format, file in
        try store.recordWeeklyReport(
          WrittenDigest(
            day: report.week, format: format.rawValue, path: file.path,
            relevantCount: report.digest.relevantCount, totalCount: report.digest.totalItems,
            periodStart: period.start, periodEnd: period.end, isPartial: false,
            headlines: report.topStories.prefix(DigestWriter.headlineCount).map {
              $0.title ?? ""
            },
            writtenAt: now))
      })
    if config.formats.contains(.atom) { written.append(try digests.writeAtomFeed()) }
    return written
  }

  /// The dated files a report of `week` is written to, one per configured format.
  func datedFiles(week: String) -> [URL] {
    config.formats.compactMap(\.fileExtension).map {
      datedFile(week: week, fileExtension: $0)
    }
  }

  func datedFile(week: String, fileExtension: String) -> URL {
    folder.appendingPathComponent(String(week.prefix(4)))
      .appendingPathComponent("\(week).\(fileExtension)")
  }

  private func render(_ report: WeeklyReport, _ format: DigestFormat) -> String {
    switch format {
    case .markdown: WeeklyMarkdownRenderer().render(report)
    case .html: WeeklyHTMLRenderer().render(report)
    case .json: WeeklyJSONRenderer().render(report)
    case .atom: ""
    }
  }
}
