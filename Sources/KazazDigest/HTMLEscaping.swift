import KazazModel
import KazazText

/// Escaping for HTML text and attribute values (and for XML: the same five characters).
enum HTMLEscaping {
  /// Escapes `& < > " '` after putting the text on one line. Safe in text and in quoted
  /// attribute values.
  static func escape(_ text: String) -> String {
    XMLEscaping.escape(DigestText.oneLine(text))
  }

  /// An anchor when `url` is http(s), else the escaped text alone.
  static func link(_ text: String, _ url: String?) -> String {
    guard let url = DigestText.webLink(url) else { return escape(text) }
    return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\">\(escape(text))</a>"
  }
}
