/// The article's footer inside its container, recognised by shape rather than by words: after the
/// last long paragraph, a run of short lines made of contact details (a web address, an e-mail
/// address, a telephone number: a quarter of the line or more) is the outlet's furniture
/// ("Permalink https://…", a channel's address, "More at www.…"), not the story.
enum TailFurniture {
  /// A paragraph this long, not made of addresses, is the article's prose.
  static let proseLength = 150

  /// How many of `lines` to keep: the footer run after the last long paragraph is cut.
  static func kept(_ lines: [String]) -> Int {
    guard
      let last = lines.lastIndex(where: { $0.count >= proseLength && contactShare($0) < 0.25 })
    else {
      return lines.count
    }
    var count = lines.count
    while count > last + 1, isFooter(lines[count - 1]) { count -= 1 }
    return count
  }

  static func isFooter(_ line: String) -> Bool {
    line.count < 200 && hasContact(line) && contactShare(line) >= 0.25
  }

  /// The share of the line's characters in addresses and numbers: a line of contact details,
  /// not a sentence that gives a number ("call the police on 0631-3692150").
  static func contactShare(_ text: String) -> Double {
    let words = text.split(whereSeparator: \.isWhitespace)
    let total = words.reduce(0) { $0 + $1.count }
    guard total > 0 else { return 0 }
    let contact = words.filter { word in
      let lower = word.lowercased()
      return lower.contains("http") || lower.contains("www.")
        || (lower.contains("@") && lower.contains("."))
        || (word.contains(where: \.isNumber)
          && word.allSatisfy { $0.isNumber || "-./()+:,".contains($0) })
    }.reduce(0) { $0 + $1.count }
    return Double(contact) / Double(total)
  }

  /// An e-mail address, a web address or a telephone number (seven digits or more in one run
  /// of digits, spaces, dashes, dots, slashes and brackets).
  static func hasContact(_ text: String) -> Bool {
    let lower = text.lowercased()
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
      return true
    }
    var digits = 0
    var previous: Character = " "
    var afterAt = false
    for character in lower {
      if character.isNumber {
        digits += 1
        if digits >= 7 { return true }
      } else if !" -./()+".contains(character) {
        digits = 0
      }
      if character == "@" && (previous.isLetter || previous.isNumber) {
        afterAt = true
      } else if afterAt && character == "." {
        return true
      } else if afterAt && !(character.isLetter || character.isNumber || character == "-") {
        afterAt = false
      }
      previous = character
    }
    return false
  }
}
