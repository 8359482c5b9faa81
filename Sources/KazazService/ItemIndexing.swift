import Foundation
import KazazClassify
import KazazModel

/// What the store needs besides the item itself: normalised text for search, a SimHash for
/// near-duplicates, and the distinctive figures that tie reports of one event together.
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
      fingerprint: fingerprint, searchText: title + "\n" + normalizedBody,
      figures: grouped ? Figures.distinctive(in: (item.title ?? "") + "\n" + body) : [])
  }
}

/// Distinctive figures of a text: numbers with decimals ("375.3", "30,4" → "30.4") and whole
/// numbers of three or more digits that are not years ("2708"). Small numbers and years are
/// in every article and say nothing about which event it reports.
enum Figures {
  static func distinctive(in text: String, limit: Int = 40) -> [String] {
    var found: [String] = []
    var seen: Set<String> = []
    var current = ""
    func flush() {
      defer { current = "" }
      while let last = current.last, last == "." || last == "," { current.removeLast() }
      guard !current.isEmpty else { return }
      let normalized = normalize(current)
      if isDistinctive(normalized), seen.insert(normalized).inserted { found.append(normalized) }
    }
    for character in text.unicodeScalars {
      if character.properties.numericType == .decimal, character.isASCII {
        current.unicodeScalars.append(character)
      } else if character == "." || character == ",", !current.isEmpty {
        current.unicodeScalars.append(character)
      } else {
        flush()
      }
      if found.count >= limit { break }
    }
    flush()
    return found
  }

  /// "1,200" (thousands) → "1200"; "375,3" (decimal comma) → "375.3"; "1.5" stays.
  static func normalize(_ number: String) -> String {
    let parts = number.split(whereSeparator: { $0 == "." || $0 == "," })
    guard parts.count > 1 else { return number }
    let last = parts.last!
    if parts.count == 2 && last.count != 3 {
      return parts[0] + "." + last
    }
    if parts.dropFirst().allSatisfy({ $0.count == 3 }) { return parts.joined() }
    return parts.dropLast().joined() + "." + last
  }

  static func isDistinctive(_ number: String) -> Bool {
    if number.contains(".") { return true }
    guard let value = Int(number) else { return false }
    if (1900...2099).contains(value) { return false }
    return value >= 100
  }
}
