/// Finds the dateline that opens many news bodies — `BAKU, Azerbaijan, December 12.`,
/// `ASTANA –`, `Baku —`, `АСТАНА, 4 окт —`, `Bakı. 21 sentyabr.` — so that scoring can ignore it.
///
/// A dateline names where the story was filed, not what it is about: an agency in Baku puts
/// "BAKU, Azerbaijan" on every story, including ones about Kazakhstan alone. Counting it would
/// hand one side free weight in the lead.
///
/// The rule: the body starts with a place word that is either written in capitals (`BAKU`,
/// `АСТАНА`) or capitalised and followed at once by a dash (a hyphen only with a space beside
/// it: `Kassym-Jomart Tokayev said…` opens with a name) or by `.`/`,` and a digit. The
/// dateline then runs to the first dash, or to the first full stop followed by white space,
/// whichever comes first, within `maximumLength` characters.
enum Dateline {
  static let maximumLength = 60

  /// The length in scalars of the dateline at the start of `text`, or 0 when there is none.
  static func length(in text: String) -> Int {
    length(in: Array(text.unicodeScalars)[...])
  }

  static func length(in text: ArraySlice<Unicode.Scalar>) -> Int {
    let characters = Array(text.prefix(maximumLength + 1))
    var index = 0
    while index < characters.count, characters[index].properties.isAlphabetic { index += 1 }
    let word = characters[0..<index]
    guard word.count >= 3, let first = word.first, first.properties.isUppercase else { return 0 }
    let capitals = word.allSatisfy { $0.properties.isUppercase }
    guard index < characters.count else { return 0 }
    // What follows the place word decides whether this is a dateline at all.
    let rest = characters[index...].drop { $0 == " " }
    guard let next = rest.first else { return 0 }
    // A hyphen joining two words ("Kassym-Jomart", "Trans-Caspian") is part of a name, not the
    // dash after a place: that one stands apart from a word on at least one side.
    let spacedHyphen =
      next == "-" && (rest.startIndex > index || rest.dropFirst().first == " ")
    let isDash = next == "—" || next == "–" || spacedHyphen
    let punctuation = next == "," || next == "."
    if !capitals {
      let following = rest.dropFirst().drop { $0 == " " }.first
      guard isDash || (punctuation && following?.properties.numericType != nil) else { return 0 }
    } else if !(isDash || punctuation) {
      return 0
    }
    // Scan to the end of the dateline.
    var position = index
    while position < min(characters.count, maximumLength) {
      let character = characters[position]
      if character == "—" || character == "–" { return position + 1 }
      if character == "-", position + 1 < characters.count, characters[position + 1] == " ",
        position > 0, characters[position - 1] == " "
      {
        return position + 1
      }
      if character == ".", position + 1 < characters.count,
        characters[position + 1].properties.isWhitespace
      {
        return position + 1
      }
      position += 1
    }
    return 0
  }
}
