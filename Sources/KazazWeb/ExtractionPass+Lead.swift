/// The standfirst: the lead paragraph many sites set above the article body, in a block of its
/// own (`p.lead`, `div.article-intro`, `h2.subheadline`, `div.vorspann`…), often inside the
/// article's header. The body's paragraphs outscore it and it is no sibling of the body, so
/// neither the container nor its siblings bring it along.
extension ExtractionPass {
  /// How many levels above the article's first block the lead is looked for.
  static let leadLevels = 4

  /// The lead block above `first` (the first block of the article): the last block named as a
  /// lead (`Boilerplate.lead`) that comes before it under one of its nearest ancestors, with
  /// 30 to 1,000 characters of text and few links, and not set aside (a page header counts as
  /// part of the article here). Nil when there is none.
  func lead(before first: HTMLElement) -> HTMLElement? {
    var ancestor = first.parent
    var containing: Set<ObjectIdentifier> = [ObjectIdentifier(first)]
    for _ in 0..<Self.leadLevels {
      guard let current = ancestor, current !== body else { return nil }
      containing.insert(ObjectIdentifier(current))
      if let found = leadBlock(under: current, before: first, containing: containing) {
        return found
      }
      ancestor = current.parent
    }
    return nil
  }

  private func leadBlock(
    under ancestor: HTMLElement, before first: HTMLElement, containing: Set<ObjectIdentifier>
  ) -> HTMLElement? {
    var found: HTMLElement?
    var stack: [HTMLElement] = ancestor.elements.reversed()
    while let element = stack.popLast() {
      if element === first { break }
      let key = ObjectIdentifier(element)
      if removed.contains(key) && element.name != "header" { continue }
      if !containing.contains(key), isLead(element) {
        found = element
        continue
      }
      stack.append(contentsOf: element.elements.reversed())
    }
    return found
  }

  private func isLead(_ element: HTMLElement) -> Bool {
    guard element.name != "h1",
      !ArticleExtractor.containerTags.contains(element.name) || element.name == "div",
      Boilerplate.matchesLead(element.classAndID)
    else { return false }
    let counts = measures[element]
    return counts.text >= 30 && counts.text <= 1000 && measures.linkDensity(element) < 0.3
  }
}
