import Foundation
import KazazClassify
import KazazModel
import KazazText

/// What the store needs besides the item itself: normalised text for search and a SimHash for
/// near-duplicates. (The figures that tie reports of one event together are the classifier's
/// key facts, which the store indexes itself.)
///
/// Stories exist for readers, and readers see relevant items: irrelevant items (most of what is
/// polled) get search text only, which keeps a cold cycle of a thousand feeds cheap.
enum ItemIndexing {
  /// Fingerprints of very short texts are unstable; below this many words there is none.
  static let minimumWordsForFingerprint = 20

  static func incoming(_ item: ParsedItem, classification: Classification) -> IncomingItem {
    let body = item.bodyText
    let normalizedBody = TextNormalizer.normalize(body)
    let grouped = classification.relevant
    var fingerprint: UInt64?
    if grouped {
      let words = normalizedBody.split(separator: " ")
      if words.count >= minimumWordsForFingerprint {
        fingerprint = SimHash.fingerprint(words: words)
      }
    }
    let title = TextNormalizer.normalize(item.title ?? "")
    return IncomingItem(
      item: item, canonicalURL: CanonicalURL.make(item.link), classification: classification,
      fingerprint: fingerprint, searchText: title + "\n" + normalizedBody)
  }
}
