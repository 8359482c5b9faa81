import Foundation

/// An e-mail address as the project sends to and from: a plain `local@domain` address (ASCII,
/// no quoted local part, no comments), optionally with a display name. Everything else is
/// refused, so a configured address can never carry a line break, a second address or a
/// header into a message or an SMTP command.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
  /// `local@domain`.
  public let address: String
  /// The name shown before the address (`Kazaz digest <digest@example.org>`), if any.
  public let displayName: String?

  /// Longest address SMTP carries in a path (RFC 5321 §4.5.3.1.3, less the brackets).
  public static let maximumLength = 254

  /// Reads `local@domain` or `Name <local@domain>` (the name may be quoted); nil when the
  /// address is not one this project sends to.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
      let inner = String(
        trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
      var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
      if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
        name = String(name.dropFirst().dropLast())
      }
      self.init(address: inner, displayName: name.isEmpty ? nil : name)
    } else {
      self.init(address: trimmed, displayName: nil)
    }
  }

  /// `address` must be a valid `local@domain`; `displayName` loses its control characters.
  public init?(address: String, displayName: String? = nil) {
    guard Self.isValid(address) else { return nil }
    self.address = address
    // Control characters (CR and LF among them) become spaces: a name is one header line.
    let name = (displayName ?? "").unicodeScalars.split {
      $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
    }.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    self.displayName = name.isEmpty ? nil : name
  }

  /// The domain after the `@`.
  public var domain: String {
    String(address[address.index(after: address.lastIndex(of: "@")!)...])
  }

  public var description: String { address }

  /// True for `local@domain` with a dot-atom local part of at most 64 characters and a domain
  /// of letters, digits and hyphens in labels of at most 63 (a single label, `localhost`, too).
  public static func isValid(_ address: String) -> Bool {
    let bytes = Array(address.utf8)
    guard bytes.count >= 3, bytes.count <= maximumLength,
      let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at
    else { return false }
    let local = bytes[..<at]
    let domain = bytes[(at + 1)...]
    return isDotAtom(local) && local.count <= 64 && isDomain(domain)
  }

  private static func isDotAtom(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "."),
      last != UInt8(ascii: ".")
    else { return false }
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        if previous == byte { return false }
      } else if !isAtext(byte) {
        return false
      }
      previous = byte
    }
    return true
  }

  /// RFC 5322 `atext`.
  private static func isAtext(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default: Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }
  }

  private static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard !bytes.isEmpty, bytes.count <= 253 else { return false }
    for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
      guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"),
        label.last != UInt8(ascii: "-")
      else { return false }
      for byte in label {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
          continue
        default: return false
        }
      }
    }
    return true
  }
}
