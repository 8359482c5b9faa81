/// A language tag as a feed's configuration or an OPML file gives it (`kk`, `az-Latn`, `en-GB`):
/// BCP 47-shaped, ASCII only, so that it can go into a request header as it is.
public enum LanguageTag {
  /// A primary subtag of two or three letters, then subtags of one to eight letters or digits,
  /// separated by hyphens; at most 35 characters in all.
  public static func isValid(_ text: String) -> Bool {
    guard (2...35).contains(text.utf8.count) else { return false }
    let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let language = subtags.first, (2...3).contains(language.utf8.count),
      language.utf8.allSatisfy(isLetter)
    else { return false }
    return subtags.dropFirst().allSatisfy {
      (1...8).contains($0.utf8.count) && $0.utf8.allSatisfy { isLetter($0) || isDigit($0) }
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (65...90).contains(byte) || (97...122).contains(byte)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
