/// Escaping for XML and HTML text and quoted attribute values: `& < > " '` become references;
/// line feeds, carriage returns and tabs become `&#10;`, `&#13;` and `&#9;` (a reader turns them
/// into spaces in an attribute value, and a carriage return into a line feed in text); characters
/// XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) are
/// dropped. DEL, C1 controls and bidirectional controls (which XML allows but a terminal or a
/// viewer acts on: U+009B is CSI to many terminals) are written as character references, so the
/// output is safe to print and means the same to an XML reader. One implementation for the
/// digests' HTML and Atom and for OPML.
public enum XMLEscaping {
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default:
        let value = scalar.value
        let allowed =
          value == 0x9 || value == 0xD || (0x20...0xD7FF).contains(value)
          || (0xE000...0xFFFD).contains(value) || value >= 0x10000
        guard allowed else { continue }
        if TerminalText.isUnsafe(scalar) {
          out += "&#x" + String(value, radix: 16, uppercase: true) + ";"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
