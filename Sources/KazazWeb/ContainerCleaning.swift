/// Whether a block inside the article is page furniture by its shape, whatever its name
/// (Readability's conditional cleaning): an image gallery, a player's settings, a form, a box of
/// links or teasers, an embed with no text. Blocks with ten commas or more are prose and stay;
/// data tables (headed cells, or many rows) and code stay.
enum ContainerCleaning {
  static let cleanedTags: Set<String> = ["div", "section", "ul", "ol", "table", "dl", "form"]

  static func isFurniture(_ element: HTMLElement, measures: PageMeasures) -> Bool {
    guard cleanedTags.contains(element.name) else { return false }
    let counts = measures[element]
    if counts.commas >= 10 { return false }
    if element.name == "table" && isDataTable(element) { return false }
    var paragraphs = 0
    var images = 0
    var inputs = 0
    var embeds = 0
    var listText = 0
    for descendant in element.descendants() {
      switch descendant.name {
      case "p": paragraphs += 1
      case "img", "picture": images += 1
      case "input", "select", "textarea", "button": inputs += 1
      case "iframe", "embed", "object", "video": embeds += 1
      case "pre", "code": return false
      case "ul", "ol": listText += measures[descendant].text
      default: break
      }
    }
    let isList =
      element.name == "ul" || element.name == "ol"
      || (counts.text > 0 && Double(listText) > 0.9 * Double(counts.text))
    let weight = classWeight(element)
    if weight < 0 { return true }
    let density = measures.linkDensity(element)
    if images > 1 && Double(paragraphs) / Double(images) < 0.5 && counts.prose < 25 * images {
      return true
    }
    if inputs > paragraphs / 3 { return true }
    if !isList && counts.text < 25 && (images == 0 || images > 2) && density > 0 { return true }
    if !isList && weight < 25 && density > 0.2 { return true }
    if weight >= 25 && density > 0.5 { return true }
    if (embeds == 1 && counts.text < 75) || embeds > 1 { return true }
    return false
  }

  /// +25 for an article-like class or id, −25 for a furniture-like one.
  static func classWeight(_ element: HTMLElement) -> Int {
    var weight = 0
    if Boilerplate.matches(element.classAndID, Boilerplate.positive) { weight += 25 }
    if Boilerplate.matches(element.classAndID, Boilerplate.negative) { weight -= 25 }
    return weight
  }

  /// A table of data rather than of layout: a caption, headed cells, or at least ten rows or
  /// more than four columns.
  static func isDataTable(_ element: HTMLElement) -> Bool {
    if element["role"]?.lowercased() == "presentation" { return false }
    var rows = 0
    var columns = 0
    for descendant in element.descendants() {
      switch descendant.name {
      case "caption", "th", "thead", "tfoot", "colgroup", "col": return true
      case "table": return false
      case "tr":
        rows += 1
        columns = max(columns, descendant.elements.count { $0.name == "td" })
      default: break
      }
    }
    return rows >= 10 || columns > 4
  }
}
