import Foundation

/// The first sentence or two of a text, for digests. Lines that are page furniture rather than
/// prose — the headline repeated, a date line, a photo credit, a menu — are skipped: a lead
/// paragraph is a line of real sentences.
enum Lead {
  static let maximumCharacters = 320
  static let minimumParagraph = 60

  static func make(from text: String, title: String? = nil) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let normalizedTitle = title.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
    let paragraph =
      lines.first { line in
        line.count >= minimumParagraph && isProse(line)
          && (normalizedTitle.map { !line.lowercased().hasPrefix($0) } ?? true)
      } ?? lines.max { $0.count < $1.count } ?? ""
    return sentences(of: paragraph)
  }

  /// Mostly letters and spaces, and at least one sentence-ending mark.
  static func isProse(_ line: String) -> Bool {
    let letters = line.reduce(0) { $0 + ($1.isLetter || $1 == " " ? 1 : 0) }
    let ends = line.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" }
    return ends && Double(letters) / Double(max(line.count, 1)) > 0.8
  }

  static func sentences(of paragraph: String) -> String {
    guard paragraph.count > maximumCharacters else { return paragraph }
    var lead = ""
    var sentence = ""
    for character in paragraph {
      sentence.append(character)
      if character == "." || character == "!" || character == "?" {
        if lead.count + sentence.count > maximumCharacters { break }
        lead += sentence
        sentence = ""
        if lead.count > maximumCharacters / 2 { break }
      }
    }
    if lead.isEmpty {
      let cut = paragraph.prefix(maximumCharacters)
      let lastSpace = cut.lastIndex(of: " ") ?? cut.endIndex
      return String(cut[..<lastSpace]) + "…"
    }
    return lead.trimmingCharacters(in: .whitespaces)
  }
}
