/// A parsed item ready to store, with its classification and what deduplication and search
/// need, computed once by the pipeline.
public struct IncomingItem: Sendable {
  public var item: ParsedItem
  public var canonicalURL: String?
  public var classification: Classification
  /// SimHash of the normalised title and text, for near-duplicate detection.
  public var fingerprint: UInt64?
  /// Normalised title and text (lower case, diacritics folded) for full-text search.
  public var searchText: String?

  public init(
    item: ParsedItem, canonicalURL: String?, classification: Classification,
    fingerprint: UInt64? = nil, searchText: String? = nil
  ) {
    self.item = item
    self.canonicalURL = canonicalURL
    self.classification = classification
    self.fingerprint = fingerprint
    self.searchText = searchText
  }
}
