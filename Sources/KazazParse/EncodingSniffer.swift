import CLibXML2
import Foundation
import KazazText

/// Decides which character encoding to impose on an XML document, if any.
///
/// Trust order: a byte-order mark, then the HTTP `Content-Type` charset, then the document's own
/// XML declaration, then UTF-8 (XML's default). A name libxml2 does not know is skipped with a
/// warning, and so is an HTTP `us-ascii` over bytes that are not ASCII (a server default, not a
/// statement about the document).
///
/// When the bytes contradict a UTF-8 label (declared, sent or defaulted) they are not UTF-8; which
/// single-byte encoding they are in is `Charset`'s decision, as for every text the program reads.
enum EncodingSniffer {
  struct Decision: Equatable {
    /// The encoding to force on libxml2 (overriding the declaration), or nil to let it follow
    /// the document.
    var encoding: String?
    /// True when the declared, sent or default encoding was contradicted by the bytes.
    var isFallback: Bool = false
    /// Why a label was not followed, if one was not.
    var warning: String?
  }

  /// - Parameter validate: check that bytes labelled UTF-8 are UTF-8 (a pass over the data);
  ///   without it they are presumed to be, and the reader's errors tell otherwise.
  static func decide(for data: Data, httpCharset: String?, validate: Bool = true) -> Decision {
    if hasByteOrderMark(data) { return Decision(encoding: nil) }
    var warning: String?
    if let httpCharset {
      let name = httpCharset.lowercased()
      if Charset.isUTF8(name) { return utf8OrFallback(data, warning: nil, validate: validate) }
      if isASCII(name) && !Charset.isASCIIOnly(data) {
        warning = "the HTTP charset \(httpCharset) does not fit the bytes; ignored"
      } else if isSupported(httpCharset) {
        return Decision(encoding: httpCharset)
      } else {
        warning = "unsupported HTTP charset \"\(httpCharset)\" ignored"
      }
    }
    guard let declared = declaredEncoding(data) else {
      return utf8OrFallback(data, warning: warning, validate: validate)
    }
    if Charset.isUTF8(declared) {
      return utf8OrFallback(data, warning: warning, validate: validate)
    }
    if isSupported(declared) {
      // libxml2 follows the declaration itself, unless HTTP forced an encoding above.
      return Decision(encoding: nil, warning: warning)
    }
    return utf8OrFallback(
      data, warning: "unsupported declared encoding \"\(declared)\" ignored", validate: validate)
  }

  private static func utf8OrFallback(_ data: Data, warning: String?, validate: Bool) -> Decision {
    if !validate || Charset.isValidUTF8(data) {
      // Force UTF-8 when a label had to be ignored: libxml2 would follow the declaration.
      return Decision(encoding: warning == nil ? nil : "UTF-8", warning: warning)
    }
    return Decision(encoding: Charset.singleByteGuess(data), isFallback: true, warning: warning)
  }

  private static func isASCII(_ name: String) -> Bool {
    name == "us-ascii" || name == "ascii"
  }

  /// libxml2 can decode `name` (built in, or through iconv).
  static func isSupported(_ name: String) -> Bool {
    guard let handler = xmlFindCharEncodingHandler(name) else { return false }
    xmlCharEncCloseFunc(handler)
    return true
  }

  static func hasByteOrderMark(_ data: Data) -> Bool {
    let prefix = [UInt8](data.prefix(4))
    return prefix.starts(with: [0xEF, 0xBB, 0xBF]) || prefix.starts(with: [0xFE, 0xFF])
      || prefix.starts(with: [0xFF, 0xFE])
  }

  /// The `encoding="…"` of the XML declaration, if the document starts with one (in an
  /// ASCII-compatible encoding: UTF-16 without a BOM is left to libxml2's own detection).
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
}
