import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import KazazStore

/// Builds the digest of a day from the store, renders it, and writes it atomically under the
/// state directory: `digests/YYYY/MM/YYYY-MM-DD.md`, plus `digests/latest.md` when it is the
/// newest day.
public struct DigestWriter: Sendable {
  public let store: Store
  public let directory: URL
  public let config: DigestConfig
  public let topicOrder: [TopicID]

  public init(store: Store, directory: URL, config: DigestConfig, topicOrder: [TopicID]) {
    self.store = store
    self.directory = directory
    self.config = config
    self.topicOrder = topicOrder
  }

  /// Writes the digest of `period`; returns the written files.
  @discardableResult
  public func write(period: DigestPeriod, now: Date = Date()) throws -> [URL] {
    let relevant = try store.items(
      firstSeenFrom: period.start, to: period.end, relevantOnly: true)
    let total = try store.itemCount(firstSeenFrom: period.start, to: period.end)
    let digest = DigestBuilder(topicOrder: topicOrder).build(
      period: period, relevant: relevant, totalItems: total, feeds: try store.feeds())
    var written: [URL] = []
    for format in config.formats {
      let (text, fileExtension) = render(digest, format: format)
      let year = String(period.day.prefix(4))
      let month = String(period.day.dropFirst(5).prefix(2))
      let file = directory.appendingPathComponent(year).appendingPathComponent(month)
        .appendingPathComponent("\(period.day).\(fileExtension)")
      let data = Data(text.utf8)
      try AtomicFileWriter.write(data, to: file)
      try store.recordDigest(
        day: period.day, format: format.rawValue, path: file.path, itemCount: digest.relevantCount,
        at: now)
      let latestDay = try store.newestDigestDay() ?? period.day
      if period.day >= latestDay {
        try AtomicFileWriter.write(
          data, to: directory.appendingPathComponent("latest.\(fileExtension)"))
      }
      written.append(file)
    }
    return written
  }

  private func render(_ digest: Digest, format: DigestFormat) -> (String, String) {
    switch format {
    case .markdown: (MarkdownRenderer().render(digest), "md")
    }
  }
}
