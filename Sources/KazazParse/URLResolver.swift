import Foundation

/// Resolves relative links against `xml:base` or the feed's own URL.
enum URLResolver {
  static func resolve(_ link: String?, base: String?) -> String? {
    guard let link = link?.trimmedOrNil else { return nil }
    // Fast path: an absolute URL in plain printable ASCII is already what Foundation returns.
    if hasScheme(link) && isPlainASCII(link) { return link }
    if let url = URL(string: link), url.scheme != nil { return url.absoluteString }
    guard let base, let baseURL = URL(string: base),
      let resolved = URL(string: link, relativeTo: baseURL)
    else { return link }
    return resolved.absoluteURL.absoluteString
  }

  /// `scheme:` per RFC 3986: a letter, then letters, digits, `+`, `-` or `.`.
  static func hasScheme(_ link: String) -> Bool {
    var index = 0
    for byte in link.utf8 {
      let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
      if byte == UInt8(ascii: ":") { return index > 0 }
      let other =
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
      guard letter || (index > 0 && other) else { return false }
      index += 1
    }
    return false
  }

  private static func isPlainASCII(_ link: String) -> Bool {
    var link = link
    return link.withUTF8 { bytes in
      for byte in bytes where byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\\") {
        return false
      }
      return true
    }
  }
}
