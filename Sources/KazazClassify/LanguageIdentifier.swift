import KazazModel
import KazazText

/// Guesses the language of a text among English, Russian, Kazakh, Azerbaijani and Turkish from
/// its script, the letters only one language uses, and frequent function words.
///
/// Kazakh written in Latin letters is told from Azerbaijani and Turkish, which share many of its
/// letters and words, by what only Kazakh writes: the accented letters of the 2018 alphabet
/// (á ó ú ý ń ǵ) and ä ū ñ of the 2021 one, Kazakh Cyrillic letters left inside Latin text, the
/// 2017 alphabet's apostrophes inside words, and Kazakh function words (jáne/jane/zhane, men,
/// bolyp, úshin/üşin, bul, osy, dep, týraly, boıynsha…), weighed against Turkish and Azerbaijani
/// ones (ve/və, ile/ilə, için/üçün…) that Kazakh does not write.
public enum LanguageIdentifier {
  /// A language, and whether the text is Kazakh written in Latin letters (which the classifier
  /// reads in `KazakhSkeleton`s).
  struct Identification: Equatable {
    var language: Language
    var isLatinKazakh = false
  }

  public static func identify(_ text: String) -> Language {
    identification(text).language
  }

  static func identification(_ text: String) -> Identification {
    var bytes: [UInt8] = [0x20]
    TextNormalizer.append(String(text.prefix(6_000)), to: &bytes)
    return identification(
      scalars: [Array(text.unicodeScalars.prefix(20_000))[...]], normalized: bytes)
  }

  /// As `identify(_:)`, from the text's scalars (in parts) and its normalised bytes.
  static func identify(scalars parts: [ArraySlice<Unicode.Scalar>], normalized: [UInt8]) -> Language
  {
    identification(scalars: parts, normalized: normalized).language
  }

  static func identification(
    scalars parts: [ArraySlice<Unicode.Scalar>], normalized: [UInt8]
  ) -> Identification {
    var latin = 0
    var cyrillic = 0
    var kazakhLetters = 0
    var schwa = 0
    var turkicLatin = 0
    var kazakhLatin = 0
    var apostrophes = 0
    var budget = 20_000
    for part in parts {
      part.prefix(budget).withUnsafeBufferPointer { scalars in
        for (index, scalar) in scalars.enumerated() {
          let value = scalar.value
          if value < 0x80 {
            // ASCII letters: A–Z, a–z.
            if (value | 0x20) &- 0x61 < 26 {
              latin += 1
            } else if value == 0x27, index > 0, index + 1 < scalars.count,
              isApostropheLetter(scalars[index - 1], before: scalars[index + 1])
            {
              apostrophes += 1
            }
            continue
          }
          switch value {
          case 0x0410...0x044F, 0x0401, 0x0451: cyrillic += 1
          case 0x04D8, 0x04D9, 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04E8, 0x04E9,
            0x04B0, 0x04B1, 0x04AE, 0x04AF, 0x04BA, 0x04BB, 0x0406, 0x0456:
            cyrillic += 1
            kazakhLetters += 1
          case 0x018F, 0x0259:
            latin += 1
            schwa += 1
          case 0x0130, 0x0131, 0x011E, 0x011F, 0x015E, 0x015F, 0x00C7, 0x00E7, 0x00D6, 0x00F6,
            0x00DC, 0x00FC:
            latin += 1
            turkicLatin += 1
          case 0x00C1, 0x00E1, 0x00D3, 0x00F3, 0x00DA, 0x00FA, 0x00DD, 0x00FD, 0x0143, 0x0144,
            0x01F4, 0x01F5, 0x00C4, 0x00E4, 0x016A, 0x016B, 0x00D1, 0x00F1:
            latin += 1
            kazakhLatin += 1
          case 0x2019, 0x02BC:
            if index > 0, index + 1 < scalars.count,
              isApostropheLetter(scalars[index - 1], before: scalars[index + 1])
            {
              apostrophes += 1
            }
          default: break
          }
        }
      }
      budget -= min(budget, part.count)
    }
    guard latin + cyrillic >= 3 else { return Identification(language: .other) }
    if cyrillic > latin {
      // Kazakh text uses its own letters in most sentences; Russian never does.
      return Identification(
        language: Double(kazakhLetters) / Double(cyrillic) > 0.01 ? .kk : .ru)
    }
    // Letters only Latin Kazakh writes: its accented letters, Kazakh Cyrillic letters left in
    // Latin words, the 2017 alphabet's apostrophes (two in a hundred letters: far more than the
    // names with suffixes of a Turkish text or the contractions of an English one).
    let kazakhSpelling =
      Double(kazakhLatin + kazakhLetters) / Double(latin) > 0.003
      || Double(apostrophes) / Double(latin) > 0.02
    let turkishLetters = turkicLatin > 0 && Double(turkicLatin) / Double(latin) > 0.01
    // Without Turkish or Kazakh letters only "two English words (that Turkish does not write) or
    // not" matters: the count may stop there.
    let hits = functionWordHits(
      normalized.prefix(12_000), englishEnough: turkishLetters || kazakhSpelling ? nil : 2)
    // Kazakh function words against the Turkish and Azerbaijani ones Kazakh does not write, and
    // against English: two of them, or one where the letters are Kazakh.
    let turkicOnly = hits.turkic - hits.turkicShared
    let englishOnly = hits.english - hits.shared
    if hits.kazakh > turkicOnly && hits.kazakh > englishOnly
      && (hits.kazakh >= 2 || kazakhSpelling)
    {
      return Identification(language: .kk, isLatinKazakh: true)
    }
    // After folding, Azerbaijani "və" and Turkish "ve" look alike; the schwa tells them apart.
    if schwa > 0 && Double(schwa) / Double(latin) > 0.005 { return Identification(language: .az) }
    // Folded Turkish "iş" and the suffix of "Azerbaycan'ın" read as English "is" and "in": next
    // to a Turkish function word they are Turkish.
    let englishHits = hits.turkic > 0 ? englishOnly : hits.english
    if turkishLetters && hits.turkic >= englishHits {
      return Identification(language: .tr)
    }
    if englishHits >= 2 { return Identification(language: .en) }
    if hits.turkic >= 2 { return Identification(language: .tr) }
    return Identification(language: .other)
  }

  /// Whether an apostrophe between these two scalars marks a letter of the 2017 alphabet (a', o',
  /// u', i', n', g', s', c', y' inside a lower-case word), not English "n't".
  private static func isApostropheLetter(
    _ before: Unicode.Scalar, before after: Unicode.Scalar
  ) -> Bool {
    let next = after.value
    guard next &- 0x61 < 26 else { return false }
    switch before {
    case "a", "o", "u", "i", "g", "s", "c", "y": return true
    case "n": return next != 0x74
    default: return false
    }
  }

  static let englishWords = ["the", "and", "of", "to", "in", "with", "for", "is", "was", "on"]
    .map(code)
  /// The English words that folded Turkish also writes ("iş", "'ın", "on"), as bits of
  /// `englishWords`.
  static let sharedEnglish: UInt32 = 1 << 4 | 1 << 7 | 1 << 9
  /// Turkish function words, and the case endings written after an apostrophe on names
  /// (Bakü'ye, Astana'daki, Kazakistan'ın → "ye", "daki", "in"; the last is shared with English).
  static let turkicWords = [
    "ve", "ile", "bir", "bu", "icin", "olarak", "da", "de", "arasinda", "iki", "ise", "gibi",
    "daha", "cok", "olan", "ayrica", "uzere", "sonra", "kadar", "gore", "ilgili", "etti", "oldu",
    "yeni", "ancak", "veya", "hem", "ki", "ye", "ya", "nin", "nun", "den", "deki", "daki", "yle",
    "yla",
  ].map(code)

  /// The Turkish words Kazakh writes too (бір, бұ, да/де), as bits of `turkicWords`.
  static let turkicShared: UInt64 = 1 << 2 | 1 << 3 | 1 << 6 | 1 << 7
  /// Kazakh function words as Latin spellings write them, folded: және (jáne, jäne, zhane), мен,
  /// болып, үшін (úshin, üşin), бұл (bul, býl), осы, деп, деген, екен, туралы (týraly),
  /// бойынша (boıynsha, boiynşa), арқылы, кезінде, қатысты.
  static let kazakhWords = [
    "jane", "zhane", "zhene", "men", "bolyp", "bolip", "ushin", "usin", "bul", "byl", "osy", "dep",
    "degen", "eken", "turaly", "tyraly", "boiynsha", "boyynsha", "boiynsa", "arqyly", "arkyly",
    "kezinde", "qatysty",
  ].map(code)

  /// The first letters of the listed words, as a bit mask of their ASCII values mod 64.
  static let firstLetters: UInt64 = (englishWords + turkicWords + kazakhWords).reduce(0) {
    $0 | 1 << ($1 & 0x3F)
  }

  /// A word of up to eight ASCII bytes packed into an integer (0 for longer words).
  static func code(_ word: String) -> UInt64 {
    var value: UInt64 = 0
    for (index, byte) in word.utf8.enumerated() where index < 8 {
      value |= UInt64(byte) << (8 * UInt64(index))
    }
    return value
  }

  /// Distinct function words of each language in normalised text.
  struct FunctionWordHits {
    var english: Int
    /// English words that folded Turkish writes too.
    var shared: Int
    var turkic: Int
    /// Turkish words that Kazakh writes too.
    var turkicShared: Int
    var kazakh: Int
  }

  /// How many distinct English, Turkic and Kazakh function words normalised text holds. With
  /// `englishEnough`, the count may stop once that many English words that Turkish does not
  /// write are found.
  static func functionWordHits(
    _ bytes: ArraySlice<UInt8>, englishEnough: Int? = nil
  ) -> FunctionWordHits {
    let enough = englishEnough ?? Int.max
    var english: UInt32 = 0
    var turkic: UInt64 = 0
    var kazakh: UInt64 = 0
    @inline(__always)
    func note(_ value: UInt64) {
      // Only words starting with a letter that starts a listed word.
      guard firstLetters & (1 << (value & 0x3F)) != 0 else { return }
      if let index = englishWords.firstIndex(of: value) {
        english |= 1 << UInt32(index)
        return
      }
      if let index = turkicWords.firstIndex(of: value) {
        turkic |= 1 << UInt64(index)
        return
      }
      if let index = kazakhWords.firstIndex(of: value) { kazakh |= 1 << UInt64(index) }
    }
    var value: UInt64 = 0
    var length = 0
    for byte in bytes {
      if byte == 0x20 || byte == 0x0A {
        // Every listed word has two to eight letters.
        if length >= 2 && length <= 8 {
          note(value)
          if (english & ~Self.sharedEnglish).nonzeroBitCount >= enough { break }
        }
        value = 0
        length = 0
      } else {
        if length < 8 { value |= UInt64(byte) << (8 * UInt64(length)) }
        length += 1
      }
    }
    if length >= 2 && length <= 8 { note(value) }
    return FunctionWordHits(
      english: english.nonzeroBitCount, shared: (english & sharedEnglish).nonzeroBitCount,
      turkic: turkic.nonzeroBitCount, turkicShared: (turkic & turkicShared).nonzeroBitCount,
      kazakh: kazakh.nonzeroBitCount)
  }
}
