import Foundation

/// Decides which character encoding to impose on an XML document, if any.
///
/// Trust order: a byte-order mark, then the HTTP `Content-Type` charset, then the document's own
/// XML declaration. When none of them names an encoding and the bytes are not valid UTF-8, the
/// document is read as windows-1251 — by far the most common reason a Russian-language feed is
/// not UTF-8 (XML's default). A declaration of UTF-8 over bytes that are not UTF-8 gets the same
/// fallback: the declaration is wrong, and the text is almost always windows-1251.
enum EncodingSniffer {
  struct Decision: Equatable {
    /// The encoding to force on libxml2, or nil to let it follow the document.
    var encoding: String?
    /// True when the declared (or default) encoding was contradicted by the bytes.
    var isFallback: Bool
  }

  static let fallbackEncoding = "windows-1251"

  static func decide(for data: Data, httpCharset: String?) -> Decision {
    if hasByteOrderMark(data) { return Decision(encoding: nil, isFallback: false) }
    if let httpCharset {
      let name = httpCharset.lowercased()
      // An HTTP "utf-8" over non-UTF-8 bytes is wrong just as often as a declaration is.
      if name == "utf-8" || name == "utf8" { return utf8OrFallback(data) }
      return Decision(encoding: httpCharset, isFallback: false)
    }
    let declared = declaredEncoding(data)?.lowercased()
    if let declared, declared != "utf-8", declared != "utf8" {
      return Decision(encoding: nil, isFallback: false)
    }
    return utf8OrFallback(data)
  }

  private static func utf8OrFallback(_ data: Data) -> Decision {
    isValidUTF8(data)
      ? Decision(encoding: nil, isFallback: false)
      : Decision(encoding: fallbackEncoding, isFallback: true)
  }

  static func hasByteOrderMark(_ data: Data) -> Bool {
    let prefix = [UInt8](data.prefix(4))
    return prefix.starts(with: [0xEF, 0xBB, 0xBF]) || prefix.starts(with: [0xFE, 0xFF])
      || prefix.starts(with: [0xFF, 0xFE])
  }

  /// The `encoding="…"` of the XML declaration, if the document starts with one.
  static func declaredEncoding(_ data: Data) -> String? {
    let head = String(decoding: data.prefix(256), as: UTF8.self)
    guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return nil }
    let declaration = head[..<end.lowerBound]
    guard let key = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return value.isEmpty ? nil : String(value)
  }

  static func isValidUTF8(_ data: Data) -> Bool {
    data.withUnsafeBytes { buffer in
      var iterator = buffer.makeIterator()
      var decoder = UTF8()
      while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
      }
    }
  }
}
