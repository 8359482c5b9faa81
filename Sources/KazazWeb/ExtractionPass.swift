/// One readability pass over a page: furniture set aside, paragraphs scored into their
/// containers, the best container and its siblings turned into lines of text.
///
/// 1. Page furniture is set aside: `nav`, `footer`, `aside`, forms, scripts, hidden blocks, and
///    (unless the pass keeps them) blocks whose class or id names navigation, comments, "most
///    read", related links, sharing, subscription, cookie, advertising, galleries or teasers
///    (`Boilerplate.negative`) — unless the block holds most of the page's prose and that prose
///    is not mostly list items and captions (a `content-with-sidebar` wrapper).
/// 2. Every paragraph (`p`, `pre`, `blockquote`, `td`, or a `div` with no block children) of at
///    least 25 characters scores 1 + the commas of its prose (not of its links) + one per 100
///    characters (at most 3); the score reaches five levels of ancestors (`divider(level:)`).
///    Containers start from their tag (`div` +5, lists −3, headings −5) and, unless the pass
///    drops them, their class/id (article-ish +25, furniture −25).
/// 3. The best container after a link-density penalty (score × (1 − link text / text)) moves
///    up the tree (`bestCandidate`); when the article is split into blocks of one shape, it is
///    taken at that level (`splitLevel`); siblings that score at least a fifth of it, have its
///    shape and hold prose, or are long paragraphs with few links, join it.
/// 4. Its blocks become lines; blocks that are mostly links ("read also" lists, unless the pass
///    keeps them) or furniture by their shape (`ContainerCleaning`), bylines, captions and reader
///    prompts ("Читайте также", "Нашли ошибку…") are left out.
struct ExtractionPass {
  /// How far the pass relaxes the rules, in the order the passes run.
  enum Relaxation: Int, CaseIterable, Comparable {
    case none, keptUnlikely, noClassWeights, noLinkDensity

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    var path: ExtractionMethod.Path {
      switch self {
      case .none: .readability
      case .keptUnlikely: .keptUnlikely
      case .noClassWeights: .noClassWeights
      case .noLinkDensity: .noLinkDensity
      }
    }
  }

  let body: HTMLElement
  let relaxation: Relaxation
  let measures: PageMeasures
  var removed: Set<ObjectIdentifier> = []
  var scores: [ObjectIdentifier: Double] = [:]
  var candidates: [HTMLElement] = []

  init(body: HTMLElement, relaxation: Relaxation, measures: PageMeasures) {
    self.body = body
    self.relaxation = relaxation
    self.measures = measures
  }

  /// The pass's text, its container and score; nil when no paragraph scored.
  mutating func run() -> ArticleExtractor.Found? {
    markFurniture()
    scoreParagraphs()
    guard let top = bestCandidate() else { return nil }
    let text = blocks(of: withSiblings(top))
    guard !text.isEmpty else { return nil }
    return ArticleExtractor.Found(
      text: text,
      method: ExtractionMethod(
        path: relaxation.path, container: Self.describe(top), score: finalScore(top)))
  }

  /// The text of the `<article>`, `<main>` or `itemprop="articleBody"` element with the most
  /// prose (text outside links: a list of teasers is mostly links).
  mutating func articleElement() -> ArticleExtractor.Found? {
    if removed.isEmpty { markFurniture() }
    let elements = body.descendants {
      ($0.name == "article" || $0.name == "main" || $0["itemprop"]?.lowercased() == "articlebody")
        && !isSetAside($0)
    }
    guard let largest = elements.max(by: { measures[$0].prose < measures[$1].prose }) else {
      return nil
    }
    let text = blocks(of: [largest])
    guard !text.isEmpty else { return nil }
    return ArticleExtractor.Found(
      text: text, method: ExtractionMethod(path: .articleElement, container: Self.describe(largest))
    )
  }

  /// The text of the element holding the longest run of its own text outside links (a `div`
  /// of text and `<br>`s, a `td`, a `pre`).
  mutating func longestBlock() -> ArticleExtractor.Found? {
    if removed.isEmpty { markFurniture() }
    var best: (HTMLElement, Int)?
    var stack = [body]
    while let element = stack.popLast() {
      var own = 0
      for child in element.children {
        switch child {
        case .text(let text): own += text.count { !$0.isWhitespace }
        case .element(let child):
          guard !removed.contains(ObjectIdentifier(child)) else { continue }
          if ["b", "i", "em", "strong", "span", "font", "u", "small", "sup", "sub"].contains(
            child.name)
          {
            own += child.text.count { !$0.isWhitespace }
          }
          stack.append(child)
        }
      }
      if own > (best?.1 ?? 0) { best = (element, own) }
    }
    guard let (element, _) = best else { return nil }
    let text = blocks(of: [element])
    guard !text.isEmpty else { return nil }
    return ArticleExtractor.Found(
      text: text, method: ExtractionMethod(path: .longestBlock, container: Self.describe(element)))
  }

  /// `tag#id.class.class`, at most 80 characters: how a container is named in reports.
  static func describe(_ element: HTMLElement) -> String {
    var name = element.name
    if let id = element["id"]?.split(whereSeparator: \.isWhitespace).first { name += "#\(id)" }
    for token in (element["class"] ?? "").split(whereSeparator: \.isWhitespace).prefix(3) {
      name += ".\(token)"
    }
    return String(name.prefix(80))
  }

  // MARK: Step 1 — furniture

  private mutating func markFurniture() {
    let total = measures[body].prose
    var stack = [body]
    while let element = stack.popLast() {
      for child in element.elements {
        if isFurniture(child, total: total) {
          removed.insert(ObjectIdentifier(child))
        } else {
          stack.append(child)
        }
      }
    }
  }

  private func isFurniture(_ element: HTMLElement, total: Int) -> Bool {
    // A page built on ASP.NET Web Forms wraps everything in one <form>, and a page header or a
    // <noscript> left open (its end tag after an unclosed <div> is ignored by the HTML parser)
    // swallows the rest of the page: a form, landmark or <noscript> holding most of the page's
    // prose is the page, not furniture (the inputs and menus inside it are still set aside).
    if Self.wrappingTags.contains(element.name), measures[element].prose > 0,
      Double(measures[element].prose) >= 0.5 * Double(total)
    {
      return false
    }
    if Boilerplate.droppedTags.contains(element.name) { return true }
    if element.name == "header" && element.ancestor(named: "article") == nil { return true }
    if ["body", "main", "article", "a"].contains(element.name) { return false }
    if element["itemprop"]?.lowercased() == "articlebody" { return false }
    if element["hidden"] != nil || element["aria-hidden"] == "true" || Self.isHiddenByStyle(element)
    {
      return true
    }
    if Self.isOverlay(element) { return true }
    guard relaxation < .keptUnlikely, Boilerplate.matches(element.classAndID, Boilerplate.negative)
    else { return false }
    // A wrapper named after its sidebar can still hold the article; a gallery of captions or a
    // list of teasers that holds most of the page's text cannot.
    let counts = measures[element]
    let isListOfItems = counts.items * 5 >= counts.text * 4
    return total == 0 || Double(counts.prose) < 0.5 * Double(total) || isListOfItems
  }

  /// Elements set aside as furniture unless they hold most of the page's prose.
  static let wrappingTags: Set<String> = ["form", "header", "footer", "aside", "nav", "noscript"]

  /// A dialog over the page (`role="dialog"`, `aria-modal`) or a cookie or consent prompt: never
  /// the article, in any pass, however much prose it holds.
  static func isOverlay(_ element: HTMLElement) -> Bool {
    if let role = element["role"]?.lowercased(), role == "dialog" || role == "alertdialog" {
      return true
    }
    return element["aria-modal"]?.lowercased() == "true"
      || Boilerplate.matches(element.classAndID, Boilerplate.consent)
  }

  /// `style="display: none"` or `visibility: hidden`: a block the reader never sees.
  static func isHiddenByStyle(_ element: HTMLElement) -> Bool {
    guard let style = element["style"]?.lowercased(), style.contains(":") else { return false }
    let compact = style.filter { !$0.isWhitespace }
    return compact.contains("display:none") || compact.contains("visibility:hidden")
  }

  /// The element or one of its ancestors was set aside as furniture.
  private func isSetAside(_ element: HTMLElement) -> Bool {
    removed.contains(ObjectIdentifier(element))
      || element.ancestors.contains { removed.contains(ObjectIdentifier($0)) }
  }

  // MARK: Step 2 — scores

  private mutating func scoreParagraphs() {
    var stack = [body]
    while let element = stack.popLast() {
      for child in element.elements where !removed.contains(ObjectIdentifier(child)) {
        stack.append(child)
      }
      guard isParagraph(element) else { continue }
      let length = element.text.count
      guard length >= 25 else { continue }
      // Commas of the prose only: a list of linked names is not an argument.
      let score = 1 + Double(measures[element].commas) + min(Double(length / 100), 3)
      var ancestor = element.parent
      var level = 0
      while let current = ancestor, level < 5 {
        add(score / Self.divider(level: level), to: current)
        if current === body { break }
        ancestor = current.parent
        level += 1
      }
    }
  }

  /// How much of a paragraph's score reaches the ancestor `level` steps above its parent: all
  /// of it to the parent, half to the grandparent, then a third of a third, a ninth… (Readability).
  static func divider(level: Int) -> Double {
    switch level {
    case 0: 1
    case 1: 2
    default: Double(level * 3)
    }
  }

  private func isParagraph(_ element: HTMLElement) -> Bool {
    if ArticleExtractor.paragraphTags.contains(element.name) { return true }
    guard element.name == "div" else { return false }
    return !element.elements.contains {
      ArticleExtractor.blockTags.contains($0.name) && $0.name != "br"
    }
  }

  private mutating func add(_ score: Double, to element: HTMLElement) {
    let key = ObjectIdentifier(element)
    if scores[key] == nil {
      scores[key] = initialScore(element)
      candidates.append(element)
    }
    scores[key, default: 0] += score
  }

  private func initialScore(_ element: HTMLElement) -> Double {
    var score: Double =
      switch element.name {
      case "div", "article", "main", "section": 5
      case "pre", "td", "blockquote": 3
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
      case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
      default: 0
      }
    guard relaxation < .noClassWeights else { return score }
    let names = element.classAndID
    if Boilerplate.matches(names, Boilerplate.positive) { score += 25 }
    if Boilerplate.matches(names, Boilerplate.negative) { score -= 25 }
    if element["itemprop"]?.lowercased() == "articlebody" { score += 25 }
    return score
  }

  // MARK: Step 3 — the article container

  private func finalScore(_ element: HTMLElement) -> Double {
    (scores[ObjectIdentifier(element)] ?? 0) * (1 - linkDensity(element))
  }

  private func linkDensity(_ element: HTMLElement) -> Double {
    measures.linkDensity(element)
  }

  /// Whether blocks that are mostly links are left out of the text.
  private var cleansLinkLists: Bool { relaxation < .noLinkDensity }

  /// The best-scoring container, moved up the tree as Readability does: to the ancestor shared
  /// by at least three of the next best containers when they score nearly as well (an article
  /// split into sections), then to a parent that scores higher still, then past wrappers that
  /// hold nothing else.
  private func bestCandidate() -> HTMLElement? {
    let ranked = candidates.map { ($0, finalScore($0)) }
      .enumerated()
      .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
      .prefix(5).map(\.element)
    guard var top = ranked.first?.0, let topScore = ranked.first?.1 else { return nil }
    let alternatives = ranked.dropFirst().filter { topScore > 0 && $0.1 / topScore >= 0.75 }
      .map { Set($0.0.ancestors.map(ObjectIdentifier.init)) }
    if alternatives.count >= 3 {
      var parent = top.parent
      while let current = parent, current !== body {
        if alternatives.count(where: { $0.contains(ObjectIdentifier(current)) }) >= 3 {
          top = current
          break
        }
        parent = current.parent
      }
    }
    var last = finalScore(top)
    let floor = last / 3
    var parent = top.parent
    while let current = parent, current !== body {
      guard scores[ObjectIdentifier(current)] != nil else {
        parent = current.parent
        continue
      }
      let score = finalScore(current)
      if score < floor { break }
      if score > last {
        top = current
        break
      }
      last = score
      parent = current.parent
    }
    while let parent = top.parent, parent !== body, parent.elements.count == 1 { top = parent }
    return top
  }

  /// The container and the siblings that continue it: those scoring at least a fifth of it
  /// (a sibling shaped like it — same tag and class — gains that fifth again, and joins anyway
  /// when it holds prose), and paragraphs of prose. When the article is split higher up (the
  /// container's parent or grandparent has siblings of its own shape holding prose), the
  /// siblings are taken at that level.
  private func withSiblings(_ top: HTMLElement) -> [HTMLElement] {
    let top = splitLevel(of: top)
    guard let parent = top.parent, top !== body else { return [top] }
    let topScore = finalScore(top)
    let threshold = max(10, topScore * 0.2)
    var chosen: [HTMLElement] = []
    for sibling in parent.elements where !removed.contains(ObjectIdentifier(sibling)) {
      if sibling === top {
        chosen.append(sibling)
        continue
      }
      let sameShape = Self.sameShape(sibling, top)
      let bonus = sameShape ? topScore * 0.2 : 0
      if scores[ObjectIdentifier(sibling)] != nil, finalScore(sibling) + bonus >= threshold {
        chosen.append(sibling)
      } else if sameShape, continuesArticle(sibling) {
        chosen.append(sibling)
      } else if sibling.name == "p" {
        let text = sibling.text
        let density = linkDensity(sibling)
        if (text.count > 80 && density < 0.25)
          || (text.count > 0 && density == 0 && text.hasSuffix(".") && text.count > 40)
        {
          chosen.append(sibling)
        }
      }
    }
    return withCousins(chosen, of: top)
  }

  /// The chosen blocks and the cousins of the container that continue the article, in document
  /// order: blocks below an ancestor up to three levels above the container (or above the block
  /// it wraps alone), as deep below it as the container, with the container's tag and its class
  /// tokens (one's tokens include the other's: `article-body` and `article-body more`), inside
  /// the same `<article>` if any, that hold prose: several sentences, few links, few list items.
  private func withCousins(_ chosen: [HTMLElement], of top: HTMLElement) -> [HTMLElement] {
    // The container, or the block it wraps alone (the container moved past wrappers).
    var anchors = [top]
    while let last = anchors.last, last.elements.count == 1, let only = last.elements.first,
      ArticleExtractor.containerTags.contains(only.name)
    {
      anchors.append(only)
    }
    var joined = Set(chosen.map(ObjectIdentifier.init))
    var cousins: [HTMLElement] = []
    var root = top.parent ?? top
    for (offset, anchor) in anchors.enumerated() {
      let found = self.cousins(
        of: anchor, levels: 3 + offset, taken: chosen + cousins, joined: &joined)
      cousins += found.cousins
      if let ancestor = found.root, root.isInside(ancestor) { root = ancestor }
    }
    guard !cousins.isEmpty else { return chosen }
    let wanted = Set((chosen + cousins).map(ObjectIdentifier.init))
    return root.descendants { wanted.contains(ObjectIdentifier($0)) }
  }

  /// The cousins of `top` below its ancestors up to `levels` above it, and the highest
  /// ancestor one was found under.
  private func cousins(
    of top: HTMLElement, levels: Int, taken: [HTMLElement], joined: inout Set<ObjectIdentifier>
  ) -> (cousins: [HTMLElement], root: HTMLElement?) {
    let tokens = Self.classTokens(top)
    guard !tokens.isEmpty else { return ([], nil) }
    let article = top.ancestor(named: "article")
    var ancestor = top
    var cousins: [HTMLElement] = []
    var root: HTMLElement?
    for depth in 1...levels {
      guard let parent = ancestor.parent, ancestor !== body, parent !== body else { break }
      ancestor = parent
      for cousin in Self.elements(below: ancestor, depth: depth)
      where cousin.name == top.name && !joined.contains(ObjectIdentifier(cousin)) {
        guard Self.sameClassFamily(Self.classTokens(cousin), tokens),
          !isSetAside(cousin), cousin.ancestor(named: "article") === article,
          !Self.titledApart(cousin, below: ancestor),
          !taken.contains(where: { Self.nested(cousin, $0) }),
          !cousins.contains(where: { Self.nested(cousin, $0) }),
          holdsProse(cousin)
        else { continue }
        cousins.append(cousin)
        joined.insert(ObjectIdentifier(cousin))
        root = ancestor
      }
    }
    return (cousins, root)
  }

  /// One of the two elements holds the other.
  static func nested(_ one: HTMLElement, _ other: HTMLElement) -> Bool {
    one.isInside(other) || other.isInside(one)
  }

  /// Several sentences of prose with few links and few list items.
  private func holdsProse(_ element: HTMLElement) -> Bool {
    let counts = measures[element]
    guard counts.prose >= 150, linkDensity(element) < 0.25, counts.items * 2 < counts.text else {
      return false
    }
    let text = element.text
    let sentences = text.count { ".!?。".contains($0) }
    return sentences >= 2
  }

  /// One's class tokens include the other's, and the shared ones are at least half of them or
  /// the others modify them (`article-body` and `article-body article-body--more`): `con` and
  /// `con conInline conComments` are not one family.
  static func sameClassFamily(_ one: Set<String>, _ other: Set<String>) -> Bool {
    guard !one.isEmpty, !other.isEmpty else { return false }
    let (small, large) = one.count <= other.count ? (one, other) : (other, one)
    guard small.isSubset(of: large) else { return false }
    if small.count * 2 >= large.count { return true }
    return large.subtracting(small).allSatisfy { extra in
      small.contains { extra.hasPrefix($0 + "-") || extra.hasPrefix($0 + "_") }
    }
  }

  /// The cousin's branch below the shared ancestor has a title of its own outside the cousin:
  /// another post of a listing, not the rest of this one.
  static func titledApart(_ cousin: HTMLElement, below ancestor: HTMLElement) -> Bool {
    var branch = cousin
    while let parent = branch.parent, parent !== ancestor { branch = parent }
    guard branch !== cousin else { return false }
    return branch.descendants {
      ["h1", "h2", "h3"].contains($0.name) && !$0.isInside(cousin)
    }.contains { !$0.text.isEmpty }
  }

  static func classTokens(_ element: HTMLElement) -> Set<String> {
    Set(
      (element["class"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
  }

  /// Elements exactly `depth` levels below `element`.
  static func elements(below element: HTMLElement, depth: Int) -> [HTMLElement] {
    var level = [element]
    for _ in 0..<depth { level = level.flatMap(\.elements) }
    return level
  }

  /// Same tag and the same, non-empty class.
  static func sameShape(_ one: HTMLElement, _ other: HTMLElement) -> Bool {
    guard let name = one["class"], !name.isEmpty else { return false }
    return one.name == other.name && other["class"] == name
  }

  /// The container, or its parent or grandparent when that one has a sibling of its own shape
  /// that continues the article.
  private func splitLevel(of top: HTMLElement) -> HTMLElement {
    var element = top
    for _ in 0..<3 {
      guard let parent = element.parent, element !== body else { break }
      let continued = parent.elements.contains {
        $0 !== element && !removed.contains(ObjectIdentifier($0)) && Self.sameShape($0, element)
          && continuesArticle($0)
      }
      if continued { return element }
      element = parent
    }
    return top
  }

  /// A block shaped like the container (same tag and class) that holds prose: a section of the
  /// article after a pull quote or an embed, too deep for the paragraphs' scores to reach.
  private func continuesArticle(_ sibling: HTMLElement) -> Bool {
    let counts = measures[sibling]
    return counts.prose >= 100 && linkDensity(sibling) < 0.25
      && counts.items * 2 < counts.text
  }

  // MARK: Step 4 — text

  private func blocks(of elements: [HTMLElement]) -> String {
    var lines: [String] = []
    /// Whether each line is a subheading (h2–h6): one left last introduced what was set aside.
    var headings: [Bool] = []
    var headingDepth = 0
    var current = ""
    var linkLength = 0
    var seenLongParagraph = false
    func flush() {
      let text = current.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      defer {
        current = ""
        linkLength = 0
      }
      guard !text.isEmpty else { return }
      if cleansLinkLists && Double(linkLength) > 0.5 * Double(text.count) { return }
      if Boilerplate.isNoiseParagraph(text) { return }
      if text.count < 3 { return }
      if !seenLongParagraph {
        if ArticleExtractor.isByline(text) { return }
        seenLongParagraph = text.count >= 80
      }
      lines.append(text)
      headings.append(headingDepth > 0)
    }
    func walk(_ element: HTMLElement, linkTenths: Int) {
      for child in element.children {
        switch child {
        case .text(let text):
          current += text
          if linkTenths > 0 {
            let length = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").count
            linkLength += length * linkTenths / 10
          }
        case .element(let child):
          if removed.contains(ObjectIdentifier(child)) { continue }
          if ["h1", "figure", "figcaption"].contains(child.name) { continue }
          if child.name != "a" && Boilerplate.matches(child.classAndID, Boilerplate.furniture) {
            continue
          }
          if cleansLinkLists, ArticleExtractor.containerTags.contains(child.name),
            linkDensity(child) > 0.5
          {
            continue
          }
          if relaxation < .keptUnlikely, ContainerCleaning.isFurniture(child, measures: measures) {
            continue
          }
          let isBlock = ArticleExtractor.blockTags.contains(child.name)
          let isHeading = Self.subheadingTags.contains(child.name)
          if isBlock { flush() }
          if isHeading { headingDepth += 1 }
          walk(child, linkTenths: PageMeasures.linkTenths(of: child, enclosing: linkTenths))
          if isBlock { flush() }
          if isHeading { headingDepth -= 1 }
        }
      }
    }
    for element in elements {
      flush()
      if ["p", "h2", "h3", "h4", "blockquote", "li", "pre"].contains(element.name) {
        walk(element, linkTenths: 0)
      } else {
        walk(element, linkTenths: PageMeasures.linkTenths(of: element, enclosing: 0))
      }
      flush()
    }
    // A subheading with nothing after it headed a block that was set aside ("Related stories:").
    // Lines of contact details after the last long paragraph are its footer.
    lines.removeLast(lines.count - TailFurniture.kept(lines))
    headings.removeLast(headings.count - lines.count)
    while headings.last == true, lines.count > 1 {
      lines.removeLast()
      headings.removeLast()
    }
    return lines.joined(separator: "\n")
  }

  static let subheadingTags: Set<String> = ["h2", "h3", "h4", "h5", "h6"]
}
