import KazazText

/// One spelling for Kazakh in every script it is written in, so that the profile's Kazakh terms
/// (written in Cyrillic) find Kazakh written in Latin letters.
///
/// Kazakh is written in Cyrillic and in several Latin spellings at once: the 2017 alphabet with
/// apostrophes (`a'`, `o'`, `u'`, `i'`, `n'`, `g'`, `s'`, `c'`, `y'`), the 2018 alphabet with acute
/// accents (`á ó ú ý ı ń ǵ`, `sh`, `ch`), the 2021 alphabet with diacritics (`ä ö ü ū ı ş ç ğ ñ`,
/// `i`/`ı`), informal digraphs (`zh`, `sh`, `ch`, `gh`, `ng` for ң, `q` for қ, `kh`), and Latin
/// words with Cyrillic letters left in (`Әzirbaijan`, `ekiжaqty`). The alphabets disagree on
/// single letters: `u` is ұ in 2018 and у in 2021, `ı` is и in 2018 and і in 2021, `y` is ы but
/// `y'` is у. No transliteration into Cyrillic can be exact, so both sides are reduced instead to a
/// *skeleton*: lower-case ASCII in which the letters the spellings confuse fall together.
///
/// - vowels: а ә → `a`; е э → `e`; о ө → `o`; у ұ ү → `u`; и й і ы → `i` (with every Latin form:
///   á ä ə, ó ö, ú ü ū ý w, ı í y…);
/// - consonants: қ к q → `k`; ғ г ǵ ğ → `g`; ж j → `j`; ң ń ñ n' → `ng`; ш ş s' → `sh`;
///   ч ç c' → `ch`; х һ x → `h` (then `k`, below); ц → `ts`; ъ ь are dropped;
/// - then, within a word: `kh` → `k`, `gh` → `g`, `zh` → `j`, and every other `h` (х, һ, h, x)
///   is `k` too: writers spell х as `h` or `kh`, and English-influenced `Kazakh` has `kh` for қ
///   (`Ильхам`, `Ilham`, `Ilkham` → `ilkam`; `Kazakhstan`, `Qazaqstan` → `kazakstan`); runs of
///   one letter become one (`Qazaqstannyń`/`Қазақстанның`); an `i` between two vowels goes
///   (`Tokayev`/`Тоқаев`).
///
/// `Qazaqstan men Ázerbaıjan`, `Qazaqstan men Äzerbaijan`, `Qazaqstan men A'zerbai'jan`,
/// `Kazakhstan men Azerbaijan` and `Қазақстан мен Әзербайжан` all read
/// `kazakstan men azerbaijan`.
///
/// The skeleton is lossy on purpose, and so it is used only where the text is Kazakh: words of
/// other languages reduced the same way collide with Kazakh ones (English "oil" and the river
/// Ойыл, Turkish "bu" and Kazakh бұ). `LanguageIdentifier` decides per document whether it is
/// Latin Kazakh; only such a document is read in skeletons, and only against the skeletons of the
/// profile's Kazakh terms, in an automaton of their own (`CompiledProfile.kazakhLatinMatcher`).
/// English, Turkish and Azerbaijani texts never meet a skeleton.
enum KazakhSkeleton {
  /// The skeleton of a text (for patterns and tests): words separated by single spaces.
  static func normalize(_ text: String) -> String {
    var bytes: [UInt8] = []
    let scalars = Array(TextNormalizer.compatibilityForm(text).unicodeScalars)
    append(scalars[...], to: &bytes)
    while bytes.last == 0x20 { bytes.removeLast() }
    if bytes.first == 0x20 { bytes.removeFirst() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the skeletons of the words of `scalars`, separated by single spaces (a space is
  /// written before a word when `output` does not already end with one).
  static func append(_ scalars: ArraySlice<Unicode.Scalar>, to output: inout [UInt8]) {
    var word: [Unicode.Scalar] = []
    var broad: [UInt8] = []
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      index += 1
      // An apostrophe after a letter belongs to the word (2017 alphabet: a', n', s'…).
      if isApostrophe(scalar), !word.isEmpty {
        word.append(scalar)
        continue
      }
      switch FoldTable.fold(scalar) {
      case .drop:
        continue
      case .bytes:
        word.append(scalar)
        continue
      case .separator:
        break
      }
      flush(&word, &broad, to: &output)
    }
    flush(&word, &broad, to: &output)
  }

  private static func flush(
    _ word: inout [Unicode.Scalar], _ broad: inout [UInt8], to output: inout [UInt8]
  ) {
    guard !word.isEmpty else { return }
    let letters = MixedScript.repaired(word[...]) ?? word
    word.removeAll(keepingCapacity: true)
    broad.removeAll(keepingCapacity: true)
    spell(letters, into: &broad)
    guard !broad.isEmpty else { return }
    if let last = output.last, last != 0x20 { output.append(0x20) }
    reduce(broad, into: &output)
  }

  /// Writes each letter's broad form: the table's ASCII letters, digits as they are, an
  /// apostrophe as the 2017 alphabet reads it, other letters as `TextNormalizer` folds them.
  private static func spell(_ letters: [Unicode.Scalar], into broad: inout [UInt8]) {
    var previous: UInt8 = 0
    for scalar in letters {
      let value = scalar.value
      if isApostrophe(scalar) {
        // n' ң, s' ш, c' ч, y' у; a' o' u' i' g' are their letters' skeletons already.
        switch previous {
        case 0x6E: broad.append(0x67)  // n' → ng
        case 0x73, 0x63: broad.append(0x68)  // s' → sh, c' → ch
        case 0x79: if broad.last == 0x69 { broad[broad.count - 1] = 0x75 }  // y' → u
        default: break
        }
        previous = 0
        continue
      }
      if value < 0x80 {
        let byte = UInt8(value) | (UInt8(value) &- 0x41 < 26 ? 0x20 : 0)
        previous = byte
        switch byte {
        case 0x61...0x7A: broad.append(asciiLetters[Int(byte - 0x61)])
        case 0x30...0x39: broad.append(byte)
        default: break
        }
        continue
      }
      previous = 0
      if let letters = table[value] {
        broad.append(contentsOf: letters.utf8)
      } else if case .bytes(let packed, let count) = FoldTable.fold(scalar) {
        // Another letter (ẃ, ẏ, Greek…): folded as usual, its ASCII letters read as above.
        var word = packed
        for _ in 0..<count {
          let byte = UInt8(truncatingIfNeeded: word)
          broad.append(byte &- 0x61 < 26 ? asciiLetters[Int(byte - 0x61)] : byte)
          word >>= 8
        }
      }
    }
  }

  /// The within-word rules on a word's broad letters, appended to `output`.
  private static func reduce(_ broad: [UInt8], into output: inout [UInt8]) {
    // kh → k, gh → g, zh → j; sh and ch stay; any other h is k.
    var letters: [UInt8] = []
    letters.reserveCapacity(broad.count)
    for byte in broad {
      guard byte == 0x68 else {
        letters.append(byte)
        continue
      }
      switch letters.last {
      case 0x6B, 0x67: continue  // kh, gh
      case 0x7A: letters[letters.count - 1] = 0x6A  // zh
      case 0x73, 0x63: letters.append(byte)  // sh, ch
      default: letters.append(0x6B)
      }
    }
    // Runs of one letter become one; then an i between two vowels goes, and runs that this joins
    // become one again.
    letters = collapsingRuns(letters)
    var kept: [UInt8] = []
    kept.reserveCapacity(letters.count)
    for (index, byte) in letters.enumerated() {
      if byte == 0x69, index > 0, index + 1 < letters.count, isVowel(letters[index - 1]),
        isVowel(letters[index + 1])
      {
        continue
      }
      kept.append(byte)
    }
    output.append(contentsOf: collapsingRuns(kept))
  }

  private static func collapsingRuns(_ letters: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(letters.count)
    for byte in letters where byte != result.last || byte >= 0x80 || byte < 0x61 {
      result.append(byte)
    }
    return result
  }

  private static func isVowel(_ byte: UInt8) -> Bool {
    byte == 0x61 || byte == 0x65 || byte == 0x6F || byte == 0x75
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02B9, 0x02BB, 0x02BC: return true
    default: return false
    }
  }

  /// a–z: q is қ (k), w is у (u), x is х (h), y is ы (i).
  private static let asciiLetters: [UInt8] = Array("abcdefghijklmnopkrstuvuhiz".utf8)

  /// The broad letters of the non-ASCII letters Kazakh is written with, both cases.
  private static let table: [UInt32: String] = {
    var table: [UInt32: String] = [:]
    let groups: [(String, String)] = [
      // Latin
      ("áàâãåāäąəÁÀÂÃÅĀÄĄƏ", "a"), ("çćčÇĆČ", "ch"), ("éèêëēėęÉÈÊËĒĖĘ", "e"),
      ("ğǵģĞǴĢ", "g"), ("ıíìîïīįİÍÌÎÏĪĮ", "i"), ("ńñňņŃÑŇŅ", "ng"),
      ("óòôõöōøőÓÒÔÕÖŌØŐ", "o"), ("şśšșŞŚŠȘ", "sh"), ("úùûüūůűųýÿÚÙÛÜŪŮŰŲÝŸ", "u"),
      ("žźżŽŹŻ", "j"), ("ţțŢȚ", "t"), ("łŁ", "l"), ("ß", "s"), ("ðĐđ", "d"),
      // Cyrillic
      ("аәАӘ", "a"), ("бБ", "b"), ("вВ", "v"), ("гғґГҒҐ", "g"), ("дД", "d"),
      ("еэєЕЭЄ", "e"), ("ёЁ", "io"), ("жЖјЈ", "j"), ("зЗ", "z"), ("ийіїыИЙІЇЫ", "i"),
      ("кқКҚ", "k"), ("лЛ", "l"), ("мМ", "m"), ("нН", "n"), ("ңҢ", "ng"), ("оөОӨ", "o"),
      ("пП", "p"), ("рР", "r"), ("сСѕЅ", "s"), ("тТ", "t"), ("уұүўУҰҮЎ", "u"), ("фФ", "f"),
      ("хһХҺ", "h"), ("цЦ", "ts"), ("чЧ", "ch"), ("шщШЩ", "sh"), ("ъьЪЬ", ""), ("юЮ", "iu"),
      ("яЯ", "ia"),
    ]
    for (letters, broad) in groups {
      for scalar in letters.unicodeScalars { table[scalar.value] = broad }
    }
    return table
  }()
}
