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
/// The output is UTF-8 bytes, words separated by one space: the alphabet of the classifier's
/// matcher, and of the search index.
///
/// This is a contract between stages: the store's search index holds text normalised this way
/// and search queries are normalised the same way, so an index built by one version only answers
/// queries of the same version. Any change to the output for any input bumps `version`; a store
/// whose index was built with another version rebuilds it.
public enum TextNormalizer {
  /// The version of the normalisation (see above).
  public static let version = 1

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
  package static func append(
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
  package static func compatibilityForm(_ text: String) -> String {
    needsCompatibilityNormalization(text.unicodeScalars)
      ? text.precomposedStringWithCompatibilityMapping : text
  }

  /// Appends one scalar's normalised form (callers that stream scalars must have applied
  /// `compatibilityForm` to the text first).
  @inline(__always)
  package static func append(
    _ scalar: Unicode.Scalar, to output: inout [UInt8], lastWasSpace: inout Bool
  ) {
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
  package static func needsCompatibilityNormalization(
    _ scalars: some Sequence<Unicode.Scalar>
  ) -> Bool {
    scalars.contains(where: needsCompatibilityNormalization)
  }

  /// Whether this one scalar is a combining mark or a compatibility character (not generic:
  /// it is called once per scalar of every document).
  package static func needsCompatibilityNormalization(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0300...0x036F, 0xFB00...0xFB4F, 0xFF00...0xFFEF, 0x2460...0x24FF, 0x3300...0x33FF:
      true
    default:
      false
    }
  }
}
