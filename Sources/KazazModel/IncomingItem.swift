/// A parsed item ready to store, with its classification.
public struct IncomingItem: Sendable {
  public var item: ParsedItem
  public var canonicalURL: String?
  public var classification: Classification

  public init(item: ParsedItem, canonicalURL: String?, classification: Classification) {
    self.item = item
    self.canonicalURL = canonicalURL
    self.classification = classification
  }
}
