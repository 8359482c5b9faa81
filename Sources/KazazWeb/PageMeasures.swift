import Foundation

/// Character counts measured once per page and shared by every pass: for each element, its text,
/// the part of it inside links, the commas of its prose (outside links), and the part of its text
/// inside list items, figures and captions. Text is counted without white space; scripts and
/// styles do not count.
struct PageMeasures {
  struct Counts {
    /// Characters of text below the element.
    var text = 0
    /// Characters of that text inside `a` elements (an in-page link, `href="#…"`, counts 3 in
    /// 10 of its characters, as Readability weighs it: a footnote or a heading's own anchor
    /// does not lead the reader away).
    var link = 0
    /// Commas (Latin, Arabic, full-width) outside links: a sign of prose.
    var commas = 0
    /// Characters inside `li`, `dd`, `figure` or `figcaption` elements: items and captions.
    var items = 0
    /// Characters outside links: what a reader would read there.
    var prose: Int { text - link }
  }

  private var table: [ObjectIdentifier: Counts] = [:]

  init(body: HTMLElement) {
    measure(body, linkTenths: 0, inItem: false)
  }

  /// How much of a link's text counts as link text, in tenths: 3 for an in-page link, 10 for
  /// any other; `enclosing` when `element` is not a link (0 outside links).
  static func linkTenths(of element: HTMLElement, enclosing: Int) -> Int {
    guard element.name == "a" else { return enclosing }
    let href = element["href"]?.trimmingCharacters(in: .whitespaces) ?? ""
    return max(enclosing, href.hasPrefix("#") ? 3 : 10)
  }

  subscript(element: HTMLElement) -> Counts {
    table[ObjectIdentifier(element)] ?? Counts()
  }

  /// Link text over all text: 1 for a list of links, 0 for prose.
  func linkDensity(_ element: HTMLElement) -> Double {
    let counts = self[element]
    return counts.text == 0 ? 0 : Double(counts.link) / Double(counts.text)
  }

  static let commas: Set<Unicode.Scalar> = [",", "،", "，", "、", "﹐", "﹑"]
  static let itemTags: Set<String> = ["li", "dd", "figure", "figcaption"]
  static let unread: Set<String> = ["script", "style", "template"]

  /// Parsed trees are at most `HTMLDocument.maximumDepth` deep, so recursion is bounded.
  @discardableResult
  private mutating func measure(_ element: HTMLElement, linkTenths: Int, inItem: Bool) -> Counts {
    var counts = Counts()
    for child in element.children {
      switch child {
      case .text(let text):
        var length = 0
        var commas = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
          length += 1
          if Self.commas.contains(scalar) { commas += 1 }
        }
        counts.text += length
        if linkTenths > 0 {
          counts.link += length * linkTenths / 10
        } else {
          counts.commas += commas
        }
        if inItem { counts.items += length }
      case .element(let child):
        guard !Self.unread.contains(child.name) else { continue }
        let inner = measure(
          child, linkTenths: Self.linkTenths(of: child, enclosing: linkTenths),
          inItem: inItem || Self.itemTags.contains(child.name))
        // Measured for itself (a <noscript> left unclosed can hold the whole page), but what a
        // script-running browser hides does not count towards the page around it.
        if child.name == "noscript" { continue }
        counts.text += inner.text
        counts.link += inner.link
        counts.commas += inner.commas
        counts.items += inner.items
      }
    }
    table[ObjectIdentifier(element)] = counts
    return counts
  }
}
