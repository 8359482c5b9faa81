import Foundation

/// A feed entry's settings as one string, to tell whether the operator changed the entry: a
/// feed quarantined after crashes is given another chance when its entry changes.
extension FeedEntry {
  /// Every setting of the entry, not where it sits in the file (`line`).
  public var fingerprint: String {
    ([
      url, title ?? "", interval.map { "\($0)" } ?? "", maxResponseBytes.map(String.init) ?? "",
      category ?? "", fullText.rawValue,
        // Added after the others and only when set, so entries without it keep their fingerprint.
    ] + (language.map { [$0] } ?? [])).map { $0.replacingOccurrences(of: "\u{1F}", with: "") }
      .joined(separator: "\u{1F}")
  }
}

extension Config {
  /// Each configured feed's URL with the fingerprint of its entry.
  public var feedFingerprints: [String: String] {
    Dictionary(feeds.map { ($0.url, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
  }
}
