import KazazModel

/// Guesses the language of a text among English, Russian, Kazakh, Azerbaijani and Turkish from
/// its script, the letters only one language uses, and frequent function words.
public enum LanguageIdentifier {
  public static func identify(_ text: String) -> Language {
    var latin = 0
    var cyrillic = 0
    var kazakhLetters = 0
    var schwa = 0
    var turkicLatin = 0
    for scalar in text.unicodeScalars.prefix(20_000) {
      switch scalar.value {
      case 0x41...0x5A, 0x61...0x7A: latin += 1
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
    guard latin + cyrillic >= 3 else { return .other }
    if cyrillic > latin {
      // Kazakh text uses its own letters in most sentences; Russian never does.
      return Double(kazakhLetters) / Double(cyrillic) > 0.01 ? .kk : .ru
    }
    let words = Set(TextNormalizer.normalize(String(text.prefix(6_000))).split(separator: " "))
    func hits(_ list: [Substring]) -> Int { list.reduce(0) { $0 + (words.contains($1) ? 1 : 0) } }
    let english = hits(["the", "and", "of", "to", "in", "with", "for", "is", "was", "on"])
    // After folding, Azerbaijani "və" and Turkish "ve" look alike; the schwa tells them apart.
    let turkic = hits(["ve", "ile", "bir", "bu", "icin", "olarak", "da", "de", "arasinda"])
    if schwa > 0 && Double(schwa) / Double(latin) > 0.005 { return .az }
    if turkicLatin > 0 && Double(turkicLatin) / Double(latin) > 0.01 && turkic >= english {
      return .tr
    }
    if english >= 2 { return .en }
    if turkic >= 2 { return .tr }
    return .other
  }
}
