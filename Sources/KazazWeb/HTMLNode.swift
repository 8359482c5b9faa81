/// A parsed HTML element: a small, immutable-after-parse tree that the extraction and discovery
/// code walks. Text children keep their order relative to elements.
public final class HTMLElement {
  /// The tag name, lower-cased.
  public let name: String
  /// Attribute names lower-cased; the first occurrence of a name wins.
  public let attributes: [String: String]
  public internal(set) var children: [HTMLChild] = []
  public internal(set) weak var parent: HTMLElement?

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  public subscript(attribute: String) -> String? { attributes[attribute] }

  /// The `class` and `id` attributes joined, lower-cased: what boilerplate patterns look at.
  public var classAndID: String {
    ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased()
  }

  /// The parent, its parent and so on up to the root, nearest first.
  public var ancestors: UnfoldSequence<HTMLElement, HTMLElement?> {
    sequence(state: parent) { node in
      defer { node = node?.parent }
      return node
    }
  }

  /// The nearest ancestor named `name` (`"article"`), if any.
  public func ancestor(named name: String) -> HTMLElement? {
    ancestors.first { $0.name == name }
  }

  /// Whether `container` is one of this element's ancestors.
  public func isInside(_ container: HTMLElement) -> Bool {
    ancestors.contains { $0 === container }
  }

  /// The child elements, in order.
  public var elements: [HTMLElement] {
    children.compactMap {
      if case .element(let element) = $0 { return element }
      return nil
    }
  }

  /// Every descendant element, depth first, in document order.
  public func descendants(where predicate: (HTMLElement) -> Bool = { _ in true }) -> [HTMLElement] {
    var found: [HTMLElement] = []
    var stack: [HTMLElement] = elements.reversed()
    while let element = stack.popLast() {
      if predicate(element) { found.append(element) }
      stack.append(contentsOf: element.elements.reversed())
    }
    return found
  }

  /// The first descendant with this tag name.
  public func first(_ name: String) -> HTMLElement? {
    descendants { $0.name == name }.first
  }

  /// All text below this element, white space collapsed to single spaces.
  public var text: String {
    var parts: [String] = []
    collectText(into: &parts)
    return parts.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(
      separator: " ")
  }

  private func collectText(into parts: inout [String]) {
    for child in children {
      switch child {
      case .text(let text): parts.append(text)
      case .element(let element): element.collectText(into: &parts)
      }
    }
  }

  /// The number of characters of text inside `a` elements below this one.
  public var linkTextLength: Int {
    if name == "a" { return text.count }
    return elements.reduce(0) { $0 + $1.linkTextLength }
  }
}

/// One child of an element: an element or a run of text.
public enum HTMLChild {
  case element(HTMLElement)
  case text(String)
}
