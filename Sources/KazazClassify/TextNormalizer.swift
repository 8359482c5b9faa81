import Foundation

/// Normalises text for matching in English, Russian, Kazakh, Azerbaijani and Turkish.
///
/// - Unicode NFKC (compatibility forms such as ligatures and full-width letters fold away);
/// - lower case, including Cyrillic and the Turkish/Azerbaijani dotted and dotless I;
/// - `ё`→`е`, and Latin diacritics folded (`ə`→`e`, `ş`→`s`, `ç`→`c`, `ğ`→`g`, `ö`→`o`, `ü`→`u`,
///   `ı`→`i`, `é`→`e`…), because writers drop them as often as they use them;
/// - Kazakh Cyrillic letters (`ә ғ қ ң ө ұ ү һ і`) are kept: they are what marks Kazakh text;
/// - every character that is not a letter or a digit (hyphens, dashes, quotes, apostrophes,
///   punctuation) becomes a single space, so `Kazakh-Azerbaijani` reads `kazakh azerbaijani`;
/// - a word that mixes Latin and Cyrillic look-alikes (`Kазахстан`) is read in its majority
///   script (see `MixedScript`).
///
/// The output is UTF-8 bytes, words separated by one space: the alphabet of `TermMatcher`.
public enum TextNormalizer {
  /// Normalises `text` and returns it as a `String` (for patterns, tests and display).
  public static func normalize(_ text: String) -> String {
    var bytes: [UInt8] = []
    append(text, to: &bytes)
    while bytes.last == 0x20 { bytes.removeLast() }
    if bytes.first == 0x20 { bytes.removeFirst() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the normalised form of `text` to `output`. Runs of separators become one space; the
  /// output never starts a word without a preceding space unless it is empty.
  public static func append(_ text: String, to output: inout [UInt8]) {
    let source = Array(compatibilityForm(text).unicodeScalars)
    var lastWasSpace = output.last == nil || output.last == 0x20
    append(source[...], to: &output, lastWasSpace: &lastWasSpace)
  }

  /// Appends the normalised form of `scalars` (after `compatibilityForm`), repairing words that
  /// mix scripts. Words are written as they are read; the rare word that turns out to mix Latin
  /// and Cyrillic letters is noted and written again, repaired, once the loop is done (so that
  /// nothing in the loop but appending touches `output`).
  @inline(__always)
  static func append(
    _ scalars: ArraySlice<Unicode.Scalar>, to output: inout [UInt8], lastWasSpace: inout Bool
  ) {
    // The scripts of the current word's letters, as `MixedScript` bits; the letters are sorted
    // on the branches that fold them anyway, so a word in one script costs one `or` a letter.
    var scripts: UInt8 = 0
    var wordStart = 0
    var wordOutput = output.count
    var mixed: [(scalars: Range<Int>, bytes: Range<Int>)] = []
    scalars.withUnsafeBufferPointer { scalars in
      for index in 0..<scalars.count {
        let scalar = scalars[index]
        let value = scalar.value
        if value < 0x80 {
          let byte = UInt8(value)
          switch byte {
          case 0x61...0x7A:
            output.append(byte)
            lastWasSpace = false
            scripts |= MixedScript.latin
            continue
          case 0x41...0x5A:
            output.append(byte | 0x20)
            lastWasSpace = false
            scripts |= MixedScript.latin
            continue
          case 0x30...0x39:
            output.append(byte)
            lastWasSpace = false
            continue
          default:
            break
          }
        } else {
          switch FoldTable.fold(scalar) {
          case .drop:
            continue
          case .separator:
            break
          case .bytes(let packed, let count):
            var word = packed
            for _ in 0..<count {
              output.append(UInt8(truncatingIfNeeded: word))
              word >>= 8
            }
            lastWasSpace = false
            scripts |= MixedScript.script(value)
            continue
          }
        }
        // A separator: the word, if any, ends here.
        if scripts == MixedScript.latin | MixedScript.cyrillic {
          mixed.append((wordStart..<index, wordOutput..<output.count))
        }
        if !lastWasSpace {
          output.append(0x20)
          lastWasSpace = true
        }
        scripts = 0
        wordStart = index + 1
        wordOutput = output.count
      }
      if scripts == MixedScript.latin | MixedScript.cyrillic {
        mixed.append((wordStart..<scalars.count, wordOutput..<output.count))
      }
    }
    // Last word first, so that the byte ranges of the earlier ones stay where they were.
    for word in mixed.reversed() {
      let first = scalars.startIndex + word.scalars.lowerBound
      let range = first..<(first + word.scalars.count)
      rewrite(scalars[range], replacing: word.bytes, in: &output)
    }
  }

  /// Writes a mixed-script word again in place of its bytes, repaired, when `MixedScript` can
  /// repair it.
  @inline(never)
  private static func rewrite(
    _ word: ArraySlice<Unicode.Scalar>, replacing bytes: Range<Int>, in output: inout [UInt8]
  ) {
    guard let repaired = MixedScript.repaired(word), bytes.upperBound <= output.count else {
      return
    }
    var written: [UInt8] = []
    var lastWasSpace = true
    for scalar in repaired { append(scalar, to: &written, lastWasSpace: &lastWasSpace) }
    output.replaceSubrange(bytes, with: written)
  }

  /// `text` in NFKC when it needs it (combining marks, compatibility characters), else unchanged.
  static func compatibilityForm(_ text: String) -> String {
    needsCompatibilityNormalization(text.unicodeScalars)
      ? text.precomposedStringWithCompatibilityMapping : text
  }

  /// Appends one scalar's normalised form (callers that stream scalars must have applied
  /// `compatibilityForm` to the text first).
  @inline(__always)
  static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8], lastWasSpace: inout Bool) {
    let value = scalar.value
    if value < 0x80 {
      let byte = UInt8(value)
      switch byte {
      case 0x61...0x7A, 0x30...0x39:
        output.append(byte)
        lastWasSpace = false
      case 0x41...0x5A:
        output.append(byte | 0x20)
        lastWasSpace = false
      default:
        if !lastWasSpace {
          output.append(0x20)
          lastWasSpace = true
        }
      }
      return
    }
    switch FoldTable.fold(scalar) {
    case .drop:
      return
    case .separator:
      if !lastWasSpace {
        output.append(0x20)
        lastWasSpace = true
      }
    case .bytes(let packed, let count):
      var word = packed
      for _ in 0..<count {
        output.append(UInt8(truncatingIfNeeded: word))
        word >>= 8
      }
      lastWasSpace = false
    }
  }

  /// NFKC is only needed when the text holds combining marks or compatibility characters; most
  /// news text is already composed, and skipping the pass keeps normalisation fast.
  static func needsCompatibilityNormalization(
    _ scalars: some Sequence<Unicode.Scalar>
  ) -> Bool {
    for scalar in scalars where scalar.value >= 0x0300 {
      switch scalar.value {
      case 0x0300...0x036F, 0xFB00...0xFB4F, 0xFF00...0xFFEF, 0x2460...0x24FF, 0x3300...0x33FF:
        return true
      default:
        continue
      }
    }
    return false
  }
}

/// How one non-ASCII scalar folds. Results for the scripts the product reads are computed once.
enum FoldTable {
  enum Result: Sendable, Equatable {
    case drop
    case separator
    /// Up to eight UTF-8 bytes packed little-endian.
    case bytes(UInt64, Int)
  }

  /// Scalars below this bound come from the table; the rest are folded on demand.
  static let tableLimit: UInt32 = 0x2100

  static let table: [Result] = (0..<tableLimit).map { computeFold(value: $0) }

  static func fold(_ scalar: Unicode.Scalar) -> Result {
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
  static func computeFold(value: UInt32, shortcut: Bool = true) -> Result {
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
