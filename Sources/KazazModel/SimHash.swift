/// SimHash fingerprints of texts (Charikar): near-identical texts get fingerprints a few bits
/// apart, unrelated texts about 32 bits apart. Used to recognise one story republished by
/// several outlets with small edits (a changed headline, a dropped sentence, a byline).
public enum SimHash {
  /// Texts whose fingerprints differ in at most this many bits are treated as the same text.
  public static let sameTextDistance = 3

  /// The fingerprint of a text given as normalised words, over overlapping three-word shingles
  /// (single words for very short texts).
  public static func fingerprint<S: Sequence>(words: S) -> UInt64 where S.Element: StringProtocol {
    let list = Array(words)
    guard !list.isEmpty else { return 0 }
    var counts = [Int](repeating: 0, count: 64)
    let width = list.count >= 3 ? 3 : 1
    for start in 0...(list.count - width) {
      let shingle = list[start..<(start + width)].joined(separator: " ")
      let hash = StableHash.value(shingle)
      for bit in 0..<64 { counts[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
    }
    var fingerprint: UInt64 = 0
    for bit in 0..<64 where counts[bit] > 0 { fingerprint |= 1 << UInt64(bit) }
    return fingerprint
  }

  public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

  /// The four 16-bit bands of a fingerprint. Two fingerprints within `sameTextDistance` bits
  /// share at least one band exactly (pigeonhole), so an index on bands finds the candidates.
  public static func bands(_ fingerprint: UInt64) -> [Int] {
    (0..<4).map { Int((fingerprint >> UInt64($0 * 16)) & 0xFFFF) }
  }
}
