/// Repairs words that mix Latin and Cyrillic letters which look the same.
///
/// Pages reach us with `Kазахстан` (a Latin K), `Azerbaijаn` (a Cyrillic а) or `Тoқаев`: typed on
/// a keyboard of the other layout, pasted from a converter, or written to dodge filters. Such a
/// word matches no pattern of either script. The repair is per word and conservative: the word's
/// majority script wins, and only when every letter of the other script has a look-alike in it
/// (`а`/`a`, `е`/`e`, `о`/`o`, `р`/`p`, `с`/`c`, `х`/`x`, `у`/`y`, `і`/`i`, `к`/`k`, `һ`/`h`,
/// `ә`/`ə`, and the capitals `В`/`B`, `Н`/`H`, `М`/`M`, `Т`/`T`…). A word whose minority letters
/// have no look-alike (`SOCARға`, a Latin name with a Kazakh suffix; `Qazaqstan men Әzirbaijan`,
/// a Latin Kazakh word with the Cyrillic ә a Kazakh keyboard gives) is left as written, and a tie
/// is left alone: there is nothing to say which script was meant.
package enum MixedScript {
  package static let latin: UInt8 = 1
  package static let cyrillic: UInt8 = 2

  /// The script of a letter, as a bit (`latin`, `cyrillic`), or 0 for anything else. Cheap enough
  /// to call for every scalar of an article.
  @inline(__always)
  package static func script(_ value: UInt32) -> UInt8 {
    if value < 0x80 { return (value | 0x20) &- 0x61 < 26 ? latin : 0 }
    if value &- 0x0400 < 0x130 { return cyrillic }  // Cyrillic and its supplement
    if value &- 0x00C0 < 0x1F0 { return value == 0xD7 || value == 0xF7 ? 0 : latin }  // to ʯ
    if value &- 0x1E00 < 0x100 { return latin }  // Latin Extended Additional
    return 0
  }

  /// The Cyrillic letter a Latin letter stands for inside a Cyrillic word.
  package static let cyrillicForLatin: [UInt32: Unicode.Scalar] = [
    0x41: "А", 0x42: "В", 0x43: "С", 0x45: "Е", 0x48: "Н", 0x49: "І", 0x4A: "Ј", 0x4B: "К",
    0x4D: "М", 0x4F: "О", 0x50: "Р", 0x53: "Ѕ", 0x54: "Т", 0x58: "Х", 0x59: "У",
    0x61: "а", 0x62: "в", 0x63: "с", 0x65: "е", 0x68: "һ", 0x69: "і", 0x6A: "ј", 0x6B: "к",
    0x6D: "м", 0x6F: "о", 0x70: "р", 0x73: "ѕ", 0x74: "т", 0x78: "х", 0x79: "у",
    0x018F: "Ә", 0x0259: "ә",
  ]

  /// The Latin letter a Cyrillic letter stands for inside a Latin word (the same pairs, reversed;
  /// lower-case н and Н both look like nothing Latin but the capital H, so only Н is listed).
  package static let latinForCyrillic: [UInt32: Unicode.Scalar] = {
    var table: [UInt32: Unicode.Scalar] = [:]
    for (latin, cyrillic) in cyrillicForLatin { table[cyrillic.value] = Unicode.Scalar(latin) }
    return table
  }()

  /// The word with its minority-script letters replaced by their look-alikes, or nil when it is
  /// written in one script, is a tie, or has a minority letter without a look-alike.
  package static func repaired(_ word: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
    var latinCount = 0
    var cyrillicCount = 0
    for scalar in word {
      switch script(scalar.value) {
      case latin: latinCount += 1
      case cyrillic: cyrillicCount += 1
      default: break
      }
    }
    guard latinCount > 0, cyrillicCount > 0, latinCount != cyrillicCount else { return nil }
    let minority = latinCount > cyrillicCount ? cyrillic : latin
    let table = minority == latin ? cyrillicForLatin : latinForCyrillic
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(word.count)
    for scalar in word {
      if script(scalar.value) == minority {
        guard let replacement = table[scalar.value] else { return nil }
        result.append(replacement)
      } else {
        result.append(scalar)
      }
    }
    return result
  }
}
