/// The text part of a mail made from a digest's Markdown: what a reader sees in a mail client
/// that shows no HTML. The digest's Markdown escapes feed text (`\*`, `&lt;`) and marks links
/// and emphasis; here escapes become their characters, `[label](url)` becomes
/// `label <url>`, and the `**` of bold and the `_` around an italic line are dropped. Headings, lists, quotes and
/// tables stay as they are: they read well as plain text.
public enum MarkdownPlainText {
  public static func convert(_ markdown: String) -> String {
    var out = ""
    out.reserveCapacity(markdown.utf8.count)
    let characters = Array(markdown)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "\\" where index + 1 < characters.count && isEscapable(characters[index + 1]):
        out.append(characters[index + 1])
        index += 2
      case "&":
        if let (decoded, length) = entity(characters, index) {
          out.append(decoded)
          index += length
        } else {
          out.append(character)
          index += 1
        }
      case "*" where index + 1 < characters.count && characters[index + 1] == "*":
        index += 2
      // Emphasis around a whole line (the period line); an underscore inside text stays.
      case "_"
      where index == 0 || characters[index - 1] == "\n" || index + 1 == characters.count
        || characters[index + 1] == "\n":
        index += 1
      case "[":
        if let (label, url, end) = link(characters, index) {
          out += convert(label) + " <" + url + ">"
          index = end
        } else {
          out.append(character)
          index += 1
        }
      default:
        out.append(character)
        index += 1
      }
    }
    return out
  }

  private static func isEscapable(_ character: Character) -> Bool {
    "\\`*_[]|~#!".contains(character)
  }

  private static func entity(_ characters: [Character], _ index: Int) -> (Character, Int)? {
    for (name, value) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] as [(String, Character)] {
      let pattern = Array(name)
      if characters[index...].starts(with: pattern) { return (value, pattern.count) }
    }
    return nil
  }

  /// `[label](url)` starting at `start`: the label (still Markdown), the URL, and the index
  /// after the closing parenthesis. The renderer escapes brackets inside labels and encodes
  /// parentheses inside URLs, so the first unescaped `]` and the first `)` end them.
  private static func link(_ characters: [Character], _ start: Int) -> (String, String, Int)? {
    var index = start + 1
    var label = ""
    while index < characters.count {
      let character = characters[index]
      if character == "\\", index + 1 < characters.count {
        label.append(character)
        label.append(characters[index + 1])
        index += 2
        continue
      }
      if character == "]" { break }
      if character == "\n" { return nil }
      label.append(character)
      index += 1
    }
    guard index + 1 < characters.count, characters[index] == "]", characters[index + 1] == "("
    else { return nil }
    index += 2
    var url = ""
    while index < characters.count, characters[index] != ")" {
      if characters[index] == "\n" { return nil }
      url.append(characters[index])
      index += 1
    }
    guard index < characters.count else { return nil }
    return (label, url, index + 1)
  }
}
