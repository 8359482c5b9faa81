import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import KazazStore

/// Builds the digest of a period from the store, renders each configured format, and writes the
/// files atomically under the digest folder:
///
/// - `YYYY/MM/YYYY-MM-DD.md|html|json` — the digest of a label day;
/// - `latest.md|html|json` — a copy of the newest day's;
/// - `digests.atom` — a feed of the 30 newest days and the newest weekly reports
///   (`WeeklyWriter`), rebuilt after every write.
///
/// Nothing in the files depends on the moment of writing — only on the period and the stored
/// data — so rewriting a day with unchanged data gives byte-identical files.
public struct DigestWriter: Sendable {
  public let store: Store
  public let directory: URL
  public let config: DigestConfig
  public let topicOrder: [TopicID]

  /// How many days the Atom feed of digests lists.
  public static let atomEntries = 30
  public static let atomFileName = "digests.atom"
  /// How many weeks of weekly reports the Atom feed lists.
  public static let atomWeeks = 5
  /// How many headlines of its best stories each digest records for the Atom feed.
  static let headlineCount = 5

  public init(store: Store, directory: URL, config: DigestConfig, topicOrder: [TopicID]) {
    self.store = store
    self.directory = directory
    self.config = config
    self.topicOrder = topicOrder
  }

  /// Builds the digest of `period` from the store, with statistics against the days before.
  public func build(period: DigestPeriod) throws -> Digest {
    let relevant = try store.items(firstSeenFrom: period.start, to: period.end, relevantOnly: true)
    let counts = try store.itemCounts(boundaries: [period.start, period.end]).first ?? ItemCounts()
    let schedule = config.schedule
    let days = (1...DigestStatistics.trendDays).reversed().compactMap {
      DigestPeriod.label(period.day, plusDays: -$0, in: schedule.timeZone)
    }
    let boundaries = days.compactMap { schedule.run(onDay: $0) }
    var history: [DigestStatistics.Day] = []
    if boundaries.count == days.count, let last = boundaries.last, last <= period.start {
      let historyCounts = try store.itemCounts(boundaries: boundaries + [period.start])
      // `boundaries` are the digest times of the 14 days before; each interval is labelled with
      // the day its digest time ends it.
      history = zip(days.dropFirst() + [period.day], historyCounts).dropLast().map {
        DigestStatistics.Day(day: $0.0, counts: $0.1)
      }
    }
    var digest = DigestBuilder(topicOrder: topicOrder, language: config.headingLanguage).build(
      period: period, relevant: relevant, counts: counts, history: history,
      feeds: try store.feeds())
    digest.deliveryProblems = try store.undeliveredMail().map {
      Digest.DeliveryProblem(
        report: MailReport.label(of: $0.report), recipient: $0.recipient, attempts: $0.attempts,
        lastError: $0.lastError ?? "", givenUp: $0.state == .failed)
    }
    return digest
  }

  /// Writes the digest of `period`; returns the written files (dated files, then the feed).
  @discardableResult
  public func write(period: DigestPeriod, now: Date = Date()) throws -> [URL] {
    try writeDigest(period: period, now: now).files
  }

  /// Writes the digest of `period`; returns it with the written files (dated files, then the
  /// feed).
  public func writeDigest(period: DigestPeriod, now: Date = Date()) throws -> (
    digest: Digest, files: [URL]
  ) {
    let digest = try build(period: period)
    return (digest, try write(digest, now: now))
  }

  /// The dated files the digest of `day` is written to, in the configured formats.
  public func datedFiles(day: String) -> [URL] {
    config.formats.compactMap { format in
      format.fileExtension.map { datedFile(day: day, fileExtension: $0) }
    }
  }

  /// Writes a built digest; returns the written files (dated files, then the feed).
  public func write(_ digest: Digest, now: Date = Date()) throws -> [URL] {
    let period = digest.period
    var written = try writeFormats(
      folder: directory, isNewest: period.day >= (try store.newestDigestDay() ?? period.day),
      datedFile: { datedFile(day: period.day, fileExtension: $0) },
      render: { render(digest, $0) },
      record: { format, file in
        try store.recordDigest(
          WrittenDigest(
            day: period.day, format: format.rawValue, path: file.path,
            relevantCount: digest.relevantCount, totalCount: digest.totalItems,
            periodStart: period.start, periodEnd: period.end, isPartial: period.isPartial,
            headlines: digest.stories.prefix(Self.headlineCount).map { $0.title ?? "" },
            writtenAt: now))
      })
    if config.formats.contains(.atom) { written.append(try writeAtomFeed()) }
    return written
  }

  /// Writes one report (a day's digest or a week's report) in each configured file format: its
  /// dated file, its record in the store, and a copy as `latest.EXT` in `folder` when it is the
  /// newest report of its kind. Returns the dated files.
  func writeFormats(
    folder: URL, isNewest: Bool, datedFile: (String) -> URL,
    render: (DigestFormat) -> String, record: (DigestFormat, URL) throws -> Void
  ) throws -> [URL] {
    var written: [URL] = []
    for format in config.formats {
      guard let fileExtension = format.fileExtension else { continue }
      let data = Data(render(format).utf8)
      let file = datedFile(fileExtension)
      try AtomicFileWriter.write(data, to: file)
      try record(format, file)
      if isNewest {
        try AtomicFileWriter.write(
          data, to: folder.appendingPathComponent("latest.\(fileExtension)"))
      }
      written.append(file)
    }
    return written
  }

  /// Rewrites the Atom feed of the newest digests and weekly reports from the store's records.
  @discardableResult
  public func writeAtomFeed() throws -> URL {
    var entries = atomEntries(try store.recentDigests(days: Self.atomEntries), weekly: false)
    // Each weekly report goes after the daily digests that end no earlier than it does.
    for weekly in atomEntries(try store.recentWeeklyReports(weeks: Self.atomWeeks), weekly: true) {
      let index = entries.firstIndex { $0.periodEnd < weekly.periodEnd } ?? entries.endIndex
      entries.insert(weekly, at: index)
    }
    let selfLink = config.baseURL.map { $0 + Self.atomFileName }
    let text = AtomRenderer(language: config.headingLanguage, selfLink: selfLink).render(entries)
    let file = directory.appendingPathComponent(Self.atomFileName)
    try AtomicFileWriter.write(Data(text.utf8), to: file)
    return file
  }

  /// One entry per day (or week), newest first, linking its most readable format: HTML, then
  /// Markdown, then JSON.
  private func atomEntries(_ records: [WrittenDigest], weekly: Bool) -> [AtomRenderer.Entry] {
    let byDay = Dictionary(grouping: records, by: \.day)
    return byDay.keys.sorted(by: >).compactMap { day -> AtomRenderer.Entry? in
      let files = byDay[day] ?? []
      let preferred = ["html", "markdown", "json"].lazy.compactMap { format in
        files.first { $0.format == format }
      }.first
      guard let record = preferred ?? files.first, let end = record.periodEnd else { return nil }
      return AtomRenderer.Entry(
        day: day, periodEnd: end, isPartial: record.isPartial,
        relevantCount: record.relevantCount, totalItems: record.totalCount,
        headlines: record.headlines.filter { !$0.isEmpty }, link: link(to: record.path),
        linkType: Self.mediaType(record.format), isWeekly: weekly)
    }
  }

  func datedFile(day: String, fileExtension: String) -> URL {
    directory.appendingPathComponent(String(day.prefix(4)))
      .appendingPathComponent(String(day.dropFirst(5).prefix(2)))
      .appendingPathComponent("\(day).\(fileExtension)")
  }

  /// The link the Atom feed gives a digest file: below `base_url` when set, else a `file:` URL.
  func link(to path: String) -> String {
    let prefix = directory.standardizedFileURL.path + "/"
    if let base = config.baseURL, path.hasPrefix(prefix) {
      let relative = String(path.dropFirst(prefix.count))
      let encoded =
        relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
      return base + encoded
    }
    return URL(fileURLWithPath: path).absoluteString
  }

  static func mediaType(_ format: String) -> String? {
    switch format {
    case "html": "text/html"
    case "markdown": "text/markdown"
    case "json": "application/json"
    default: nil
    }
  }

  private func render(_ digest: Digest, _ format: DigestFormat) -> String {
    switch format {
    case .markdown: MarkdownRenderer().render(digest)
    case .html: HTMLRenderer().render(digest)
    case .json: JSONRenderer().render(digest)
    case .atom: ""
    }
  }
}
