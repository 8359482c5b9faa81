import KazazModel

/// The `Accept-Language` sent with a feed's requests (the feed and its article pages): the
/// feed's configured language first, then Russian and English, the languages most outlets of
/// the region also publish in. A site that negotiates the language then answers in the one the
/// feed was configured for, instead of guessing from the client's address.
public enum AcceptLanguage {
  /// The languages after the feed's own, with their weights.
  public static let fallback: [(tag: String, quality: String)] = [("ru", "0.9"), ("en", "0.8")]

  /// `kk, ru;q=0.9, en;q=0.8` for `kk`; `ru, en;q=0.8` for `ru`; the fallback alone
  /// (`ru;q=0.9, en;q=0.8`) without a language. A value that is not a language tag
  /// (`LanguageTag`) is ignored: it would end up in a request header.
  public static func header(for language: String?) -> String {
    let primary = language.flatMap { LanguageTag.isValid($0) ? $0.lowercased() : nil }
    let primaryBase = primary.map { String($0.prefix { $0 != "-" }) }
    var parts = primary.map { [$0] } ?? []
    for (tag, quality) in fallback where tag != primaryBase {
      parts.append("\(tag);q=\(quality)")
    }
    return parts.joined(separator: ", ")
  }
}
