/// Entity validators (`ETag`, `Last-Modified`): what a publisher sends, the store keeps, and the
/// next request sends back as `If-None-Match` / `If-Modified-Since`.
///
/// A validator goes into one of our own request header lines, so a value with a line break
/// would let a publisher write headers into our next request (`"v1"\r\nCookie: …`), and a NUL
/// would cut the line short. Such a value is dropped both where a response is read and where a
/// request is built (a store written by an older version may still hold one): the feed is then
/// fetched unconditionally, which costs a transfer and nothing else.
public enum HTTPValidator {
  /// Longer values are dropped: real ETags are hashes or version stamps of a few dozen bytes,
  /// and an HTTP date is 29.
  public static let maximumBytes = 1024

  /// True when `value` may be stored and sent back: not empty, at most `maximumBytes` bytes of
  /// UTF-8, and no control character (C0, including tab, CR, LF and NUL; DEL; C1).
  public static func isSafe(_ value: String) -> Bool {
    guard !value.isEmpty, value.utf8.count <= maximumBytes else { return false }
    return value.unicodeScalars.allSatisfy { scalar in
      !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
  }

  /// `value` when it is safe, else nil.
  public static func sanitized(_ value: String?) -> String? {
    value.flatMap { isSafe($0) ? $0 : nil }
  }
}
