/// Azerbaijani written in its Cyrillic alphabet (1958–1991), read in the Latin alphabet the
/// language uses today.
///
/// Some pages, archives and older writers still use it (`Азәрбајҹан вә Газахыстан`). The
/// profile's Azerbaijani terms are written in Latin letters, so such a text is transliterated
/// letter by letter before it is classified: the two alphabets map one to one (`г` is `q`, `ҝ` is
/// `g`, `ҹ` is `c`, `ј` is `y`, `ы` is `ı`, `и` is `i`), and the Russian letters of loanwords take
/// their usual Azerbaijani spellings (`ц` `ts`, `ю` `yu`, `я` `ya`, `ъ` and `ь` dropped).
///
/// A text is taken for Azerbaijani Cyrillic by the letters only that alphabet has among the
/// region's: `ҹ`, `ҝ` and `ј` (Kazakh Cyrillic has none of them; a lone `ј` of a Serbian name is
/// not enough).
package enum AzerbaijaniCyrillic {
  /// How many of its own letters a text needs to be taken for Azerbaijani Cyrillic.
  package static let minimumLetters = 2

  /// Whether `text` is written in the Azerbaijani Cyrillic alphabet.
  package static func isWritten(in text: String) -> Bool {
    var found = 0
    for scalar in text.unicodeScalars where scalar.value >= 0x0400 && scalar.value <= 0x04FF {
      switch scalar.value {
      case 0x04B8, 0x04B9, 0x049C, 0x049D, 0x0408, 0x0458:
        found += 1
        if found >= minimumLetters { return true }
      default:
        continue
      }
    }
    return false
  }

  /// `text` with every Cyrillic letter in its Azerbaijani Latin spelling; everything else as
  /// written.
  package static func latin(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let spelled = letters[scalar.value] {
        output.append(contentsOf: spelled.unicodeScalars)
      } else {
        output.append(scalar)
      }
    }
    return String(output)
  }

  /// Lower-case letters and their Latin spellings; capitals are derived from them.
  private static let lowerCase: [(UInt32, String)] = [
    (0x0430, "a"), (0x0431, "b"), (0x0432, "v"), (0x0433, "q"), (0x0493, "ğ"), (0x0434, "d"),
    (0x0435, "e"), (0x04D9, "ə"), (0x0436, "j"), (0x0437, "z"), (0x0438, "i"), (0x044B, "ı"),
    (0x0458, "y"), (0x043A, "k"), (0x049D, "g"), (0x043B, "l"), (0x043C, "m"), (0x043D, "n"),
    (0x043E, "o"), (0x04E9, "ö"), (0x043F, "p"), (0x0440, "r"), (0x0441, "s"), (0x0442, "t"),
    (0x0443, "u"), (0x04AF, "ü"), (0x0444, "f"), (0x0445, "x"), (0x04BB, "h"), (0x0447, "ç"),
    (0x04B9, "c"), (0x0448, "ş"),
    // Russian letters of loanwords.
    (0x0439, "y"), (0x0446, "ts"), (0x0449, "şç"), (0x044A, ""), (0x044C, ""), (0x044D, "e"),
    (0x044E, "yu"), (0x044F, "ya"), (0x0451, "yo"), (0x049B, "q"), (0x04A3, "n"),
  ]

  private static let letters: [UInt32: String] = {
    var table: [UInt32: String] = [:]
    for (lower, spelled) in lowerCase {
      table[lower] = spelled
      guard let scalar = Unicode.Scalar(lower) else { continue }
      let upper = String(scalar).uppercased()
      guard upper.unicodeScalars.count == 1, let capital = upper.unicodeScalars.first else {
        continue
      }
      // "И" is "İ": the Latin capital of Azerbaijani i keeps its dot.
      table[capital.value] =
        spelled == "i" ? "İ" : spelled.prefix(1).uppercased() + spelled.dropFirst()
    }
    return table
  }()
}
