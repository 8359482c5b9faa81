import CLibXML2
import Foundation

/// Decides which character encoding to impose on an XML document, if any.
///
/// Trust order: a byte-order mark, then the HTTP `Content-Type` charset, then the document's own
/// XML declaration, then UTF-8 (XML's default). A name libxml2 does not know is skipped with a
/// warning, and so is an HTTP `us-ascii` over bytes that are not ASCII (a server default, not a
/// statement about the document).
///
/// When the bytes contradict a UTF-8 label (declared, sent or defaulted) they are not UTF-8, and
/// for our sources that means a Cyrillic single-byte encoding: windows-1251, or KOI8-R when the
/// letters only make sense that way (Russian text is mostly lower case, and the two encodings put
/// lower and upper case in opposite halves of 0xC0–0xFF).
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

  static let fallbackEncoding = "windows-1251"

  /// - Parameter validate: check that bytes labelled UTF-8 are UTF-8 (a pass over the data);
  ///   without it they are presumed to be, and the reader's errors tell otherwise.
  static func decide(for data: Data, httpCharset: String?, validate: Bool = true) -> Decision {
    if hasByteOrderMark(data) { return Decision(encoding: nil) }
    var warning: String?
    if let httpCharset {
      let name = httpCharset.lowercased()
      if isUTF8(name) { return utf8OrFallback(data, warning: nil, validate: validate) }
      if isASCII(name) && !isASCIIOnly(data) {
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
    if isUTF8(declared.lowercased()) {
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
    if !validate || isValidUTF8(data) {
      // Force UTF-8 when a label had to be ignored: libxml2 would follow the declaration.
      return Decision(encoding: warning == nil ? nil : "UTF-8", warning: warning)
    }
    return Decision(encoding: cyrillicGuess(data), isFallback: true, warning: warning)
  }

  private static func isUTF8(_ name: String) -> Bool { name == "utf-8" || name == "utf8" }
  private static func isASCII(_ name: String) -> Bool {
    name == "us-ascii" || name == "ascii"
  }

  /// libxml2 can decode `name` (built in, or through iconv).
  static func isSupported(_ name: String) -> Bool {
    guard let handler = xmlFindCharEncodingHandler(name) else { return false }
    xmlCharEncCloseFunc(handler)
    return true
  }

  /// windows-1251 unless the letters read as KOI8-R — or as Latin: in Cyrillic text nearly
  /// every non-ASCII byte has a non-ASCII neighbour (whole words are non-ASCII), while in
  /// Portuguese, German or Turkish text accented letters stand alone between ASCII ones.
  static func cyrillicGuess(_ data: Data) -> String {
    var upperHalf = 0  // 0xE0–0xFF: lower case in windows-1251, upper case in KOI8-R
    var lowerHalf = 0  // 0xC0–0xDF: the reverse
    var high = 0
    var paired = 0
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      for index in bytes.indices where bytes[index] >= 0x80 {
        high += 1
        if (index > 0 && bytes[index - 1] >= 0x80)
          || (index + 1 < bytes.count && bytes[index + 1] >= 0x80)
        {
          paired += 1
        }
        if bytes[index] >= 0xE0 {
          upperHalf += 1
        } else if bytes[index] >= 0xC0 {
          lowerHalf += 1
        }
      }
    }
    if paired * 2 < high { return "windows-1252" }
    return lowerHalf > upperHalf * 2 ? "KOI8-R" : fallbackEncoding
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

  static func isASCIIOnly(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in raw.allSatisfy { $0 < 0x80 } }
  }

  /// Strict UTF-8 validation (no overlongs, no surrogates), eight ASCII bytes at a time.
  static func isValidUTF8(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      let count = bytes.count
      guard let base = raw.baseAddress else { return true }
      var index = 0
      while index < count {
        if index + 8 <= count {
          let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if word & 0x8080_8080_8080_8080 == 0 {
            index += 8
            continue
          }
        }
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
          length = 3
          low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED:
          length = 3
          high = 0x9F
        case 0xF0:
          length = 4
          low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
          length = 4
          high = 0x8F
        default: return false
        }
        guard index + length <= count else { return false }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return false }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
          return false
        }
        index += length
      }
      return true
    }
  }
}
