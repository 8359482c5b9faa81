import KazazModel

/// Guesses the language of a text among English, Russian, Kazakh, Azerbaijani and Turkish from
/// its script, the letters only one language uses, and frequent function words.
public enum LanguageIdentifier {
  public static func identify(_ text: String) -> Language {
    var bytes: [UInt8] = [0x20]
    TextNormalizer.append(String(text.prefix(6_000)), to: &bytes)
    return identify(scalars: [Array(text.unicodeScalars.prefix(20_000))[...]], normalized: bytes)
  }

  /// As `identify(_:)`, from the text's scalars (in parts) and its normalised bytes.
  static func identify(scalars parts: [ArraySlice<Unicode.Scalar>], normalized: [UInt8]) -> Language
  {
    var latin = 0
    var cyrillic = 0
    var kazakhLetters = 0
    var schwa = 0
    var turkicLatin = 0
    var budget = 20_000
    for part in parts {
      part.prefix(budget).withUnsafeBufferPointer { scalars in
        for scalar in scalars {
          let value = scalar.value
          if value < 0x80 {
            // ASCII letters: A–Z, a–z.
            if (value | 0x20) &- 0x61 < 26 { latin += 1 }
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
          default: break
          }
        }
      }
      budget -= min(budget, part.count)
    }
    guard latin + cyrillic >= 3 else { return .other }
    if cyrillic > latin {
      // Kazakh text uses its own letters in most sentences; Russian never does.
      return Double(kazakhLetters) / Double(cyrillic) > 0.01 ? .kk : .ru
    }
    // After folding, Azerbaijani "və" and Turkish "ve" look alike; the schwa tells them apart.
    if schwa > 0 && Double(schwa) / Double(latin) > 0.005 { return .az }
    let turkishLetters = turkicLatin > 0 && Double(turkicLatin) / Double(latin) > 0.01
    // Without Turkish letters only "two English words (that Turkish does not write) or not"
    // matters: the count may stop there.
    let (english, shared, turkic) = functionWordHits(
      normalized.prefix(12_000), englishEnough: turkishLetters ? nil : 2)
    // Folded Turkish "iş" and the suffix of "Azerbaycan'ın" read as English "is" and "in": next
    // to a Turkish function word they are Turkish.
    let englishHits = turkic > 0 ? english - shared : english
    if turkishLetters && turkic >= englishHits {
      return .tr
    }
    if englishHits >= 2 { return .en }
    if turkic >= 2 { return .tr }
    return .other
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

  /// The first letters of the listed words, as a bit mask of their ASCII values mod 64.
  static let firstLetters: UInt64 = (englishWords + turkicWords).reduce(0) {
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

  /// How many distinct English and Turkic function words normalised text holds, and how many of
  /// the English ones folded Turkish writes too. With `englishEnough`, the count may stop once
  /// that many English words that Turkish does not write are found.
  static func functionWordHits(
    _ bytes: ArraySlice<UInt8>, englishEnough: Int? = nil
  ) -> (english: Int, shared: Int, turkic: Int) {
    let enough = englishEnough ?? Int.max
    var english: UInt32 = 0
    var turkic: UInt64 = 0
    func note(_ value: UInt64) {
      // Only words starting with a letter that starts a listed word.
      guard firstLetters & (1 << (value & 0x3F)) != 0 else { return }
      if let index = englishWords.firstIndex(of: value) { english |= 1 << UInt32(index) }
      if let index = turkicWords.firstIndex(of: value) { turkic |= 1 << UInt64(index) }
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
    return (
      english.nonzeroBitCount, (english & sharedEnglish).nonzeroBitCount, turkic.nonzeroBitCount
    )
  }
}
