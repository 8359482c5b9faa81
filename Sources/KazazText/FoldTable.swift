import Foundation

/// How one non-ASCII scalar folds. Results for the scripts the product reads are computed once.
package enum FoldTable {
  package enum Result: Sendable, Equatable {
    case drop
    case separator
    /// Up to eight UTF-8 bytes packed little-endian.
    case bytes(UInt64, Int)
  }

  /// Scalars below this bound come from the table; the rest are folded on demand.
  package static let tableLimit: UInt32 = 0x2100

  package static let table: [Result] = (0..<tableLimit).map { computeFold(value: $0) }

  package static func fold(_ scalar: Unicode.Scalar) -> Result {
    scalar.value < tableLimit ? table[Int(scalar.value)] : computeFold(value: scalar.value)
  }

  /// Letters whose folded form is not simply their lower case with marks removed.
  private static let special: [UInt32: String] = [
    0x0130: "i",  // İ
    0x0131: "i",  // ı
    0x0401: "е", 0x0451: "е",  // Ё ё
    0x018F: "e", 0x0259: "e",  // Ə ə
    0x00DF: "ss",  // ß
    0x0152: "oe", 0x0153: "oe", 0x00C6: "ae", 0x00E6: "ae",
    0x00D8: "o", 0x00F8: "o", 0x0141: "l", 0x0142: "l", 0x0110: "d", 0x0111: "d",
  ]

  /// The fold of one scalar: NFKC, lower case, and marks stripped from Latin letters. With
  /// `shortcut`, letters whose Unicode properties already say what that gives skip the
  /// Foundation calls (a process start builds this table, and those calls were most of it).
  package static func computeFold(value: UInt32, shortcut: Bool = true) -> Result {
    guard let scalar = Unicode.Scalar(value) else { return .separator }
    if shortcut && value < 0x80 {
      switch value {
      case 0x41...0x5A: return .bytes(UInt64(value | 0x20), 1)
      case 0x61...0x7A, 0x30...0x39: return .bytes(UInt64(value), 1)
      default: return .separator
      }
    }
    if let replacement = special[value] { return pack(replacement) }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return .drop
    default: break
    }
    guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
    if shortcut, let folded = foldByProperties(scalar) { return folded }
    var folded = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
    if isLatin(value) {
      var stripped = String.UnicodeScalarView()
      for part in folded.decomposedStringWithCanonicalMapping.unicodeScalars
      where !(0x0300...0x036F).contains(part.value) {
        stripped.append(part)
      }
      folded = String(stripped)
    }
    return pack(folded)
  }

  /// The fold of a letter outside the Latin blocks, from its properties alone: one that neither
  /// NFKC with case folding nor lower-casing changes is itself, and one whose lower case is a
  /// single such letter is that letter. Nil where only the full computation can tell (Latin
  /// letters lose their marks; compatibility characters decompose). Checked against the full
  /// computation on every scalar of the table and the compatibility blocks.
  private static func foldByProperties(_ scalar: Unicode.Scalar) -> Result? {
    guard !isLatin(scalar.value) else { return nil }
    func isStable(_ scalar: Unicode.Scalar) -> Bool {
      !scalar.properties.changesWhenNFKCCaseFolded && !scalar.properties.changesWhenLowercased
    }
    if isStable(scalar) { return pack(scalar) }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let only = lower.first, only != scalar, !isLatin(only.value),
      isStable(only)
    else { return nil }
    return pack(only)
  }

  private static func pack(_ scalar: Unicode.Scalar) -> Result {
    var packed: UInt64 = 0
    for (index, byte) in scalar.utf8.enumerated() { packed |= UInt64(byte) << (8 * UInt64(index)) }
    return .bytes(packed, scalar.utf8.count)
  }

  private static func isLatin(_ value: UInt32) -> Bool {
    (0x00C0...0x024F).contains(value) || (0x1E00...0x1EFF).contains(value)
  }

  private static func pack(_ string: String) -> Result {
    let bytes = Array(string.utf8)
    guard !bytes.isEmpty else { return .drop }
    guard bytes.count <= 8 else { return .separator }
    var packed: UInt64 = 0
    for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * UInt64(index)) }
    return .bytes(packed, bytes.count)
  }
}
