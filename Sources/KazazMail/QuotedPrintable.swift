import Foundation

/// Quoted-printable transfer encoding (RFC 2045 §6.7) of UTF-8 text: lines end in CRLF and
/// are at most 76 characters, with soft breaks (`=` at the end) inside longer lines; `=`,
/// every byte outside printable ASCII, and white space at a line's end are written as `=XX`.
/// A line starting with `.` or `From ` has that first character encoded, so neither SMTP's
/// end-of-data marker nor an mbox separator can appear in a message body.
enum QuotedPrintable {
  static let lineLimit = 76

  static func encode(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    // Lines split at LF; a CR before it, or standing alone, is a line end too.
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    var first = true
    for line in normalized.utf8.split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    {
      if !first { out += [0x0D, 0x0A] }
      first = false
      encodeLine(Array(line), into: &out)
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func encodeLine(_ line: [UInt8], into out: inout [UInt8]) {
    var width = 0
    for index in line.indices {
      let isLast = index == line.count - 1
      var literal = isLiteral(line, index, startsLine: width == 0, isLast: isLast)
      // Room for a soft break's `=` unless this is the line's last byte.
      if width + (literal ? 1 : 3) > (isLast ? lineLimit : lineLimit - 1) {
        out += [UInt8(ascii: "="), 0x0D, 0x0A]
        width = 0
        literal = isLiteral(line, index, startsLine: true, isLast: isLast)
      }
      if literal {
        out.append(line[index])
        width += 1
      } else {
        out += [
          UInt8(ascii: "="), hexDigits[Int(line[index] >> 4)], hexDigits[Int(line[index] & 0x0F)],
        ]
        width += 3
      }
    }
  }

  /// Whether the byte at `index` may be written as itself.
  private static func isLiteral(_ line: [UInt8], _ index: Int, startsLine: Bool, isLast: Bool)
    -> Bool
  {
    let byte = line[index]
    switch byte {
    case UInt8(ascii: "="): return false
    case UInt8(ascii: "."): return !startsLine
    case UInt8(ascii: "F"): return !(startsLine && line[index...].starts(with: fromPrefix))
    case 0x21...0x7E: return true
    // White space before a (hard or soft) line end would be lost in transport.
    case 0x20, 0x09: return !isLast
    default: return false
    }
  }

  private static let fromPrefix = Array("From ".utf8)
  private static let hexDigits = Array("0123456789ABCDEF".utf8)

}
