import Foundation

/// What a page says about its article outside the text: JSON-LD (`NewsArticle` and kin), meta
/// tags (Open Graph, `article:*`, `author`, `pubdate`) and `<time datetime>`. JSON-LD wins over
/// meta tags, which win over what is guessed from the markup.
struct ArticleMetadata {
  var title: String?
  var published: Date?
  var author: String?
  /// `articleBody` from JSON-LD: the whole text on pages that render it with script.
  var articleBody: String?
  /// The language the page declares, as a lower-case code ("ru", "kk"): `<html lang>`, then
  /// `content-language`, then `og:locale`.
  var language: String?

  static let articleTypes: Set<String> = [
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "report", "socialmediaposting",
  ]

  init(_ root: HTMLElement) {
    var meta: [String: String] = [:]
    var declaredLanguage: String?
    for element in root.descendants(where: { $0.name == "meta" }) {
      if declaredLanguage == nil, element["http-equiv"]?.lowercased() == "content-language" {
        declaredLanguage = element["content"]
      }
      guard
        let key = (element["property"] ?? element["name"] ?? element["itemprop"])?.lowercased(),
        let content = element["content"]?.trimmingCharacters(in: .whitespacesAndNewlines),
        !content.isEmpty, meta[key] == nil
      else { continue }
      meta[key] = content
    }
    var jsonLD: [String: Any] = [:]
    for script in root.descendants(where: {
      $0.name == "script" && ($0["type"] ?? "").lowercased().contains("ld+json")
    }) {
      let raw = script.children.compactMap {
        if case .text(let text) = $0 { return text }
        return nil
      }.joined()
      guard let value = try? JSONSerialization.jsonObject(with: Data(raw.utf8)),
        let article = Self.findArticle(value)
      else { continue }
      jsonLD = article
      break
    }

    title =
      Self.clean(jsonLD["headline"] as? String) ?? Self.clean(meta["og:title"])
      ?? Self.clean(meta["twitter:title"])
      ?? Self.clean(root.first("h1")?.text) ?? Self.clean(Self.pageTitle(root))
    published =
      (jsonLD["datePublished"] as? String).flatMap(ArticleDate.parse)
      ?? [
        "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date",
        "dcterms.created", "og:published_time", "sailthru.date",
      ].lazy.compactMap { meta[$0].flatMap(ArticleDate.parse) }.first
      ?? Self.timeElementDate(root)
    author =
      Self.authorName(jsonLD["author"]) ?? Self.metaAuthor(meta)
      ?? root.descendants(where: { $0["itemprop"] == "author" || $0["rel"] == "author" })
      .lazy.compactMap { Self.clean($0.text) }.first
    articleBody = Self.clean(jsonLD["articleBody"] as? String, collapseLines: false)
    language =
      [root["lang"], root["xml:lang"], declaredLanguage, meta["og:locale"]].lazy
      .compactMap { $0.flatMap(Self.languageCode) }.first
  }

  private static func findArticle(_ value: Any) -> [String: Any]? {
    if let list = value as? [Any] {
      return list.lazy.compactMap(findArticle).first
    }
    guard let object = value as? [String: Any] else { return nil }
    // A type or a list of types; whatever else a page writes there names none.
    let types: [String]
    if let type = object["@type"] as? String {
      types = [type]
    } else {
      types = (object["@type"] as? [Any] ?? []).compactMap { $0 as? String }
    }
    if types.contains(where: { articleTypes.contains($0.lowercased()) }) { return object }
    if let graph = object["@graph"] { return findArticle(graph) }
    if let main = object["mainEntity"] { return findArticle(main) }
    return nil
  }

  /// A name, a `Person`/`Organization` object, or a list of those (not of lists).
  private static func authorName(_ value: Any?, inList: Bool = false) -> String? {
    switch value {
    case let name as String: return clean(name)
    case let object as [String: Any]: return clean(object["name"] as? String)
    case let list as [Any] where !inList:
      let names = list.compactMap { authorName($0, inList: true) }
      return names.isEmpty ? nil : names.joined(separator: ", ")
    default: return nil
    }
  }

  private static func metaAuthor(_ meta: [String: String]) -> String? {
    for key in ["author", "article:author", "sailthru.author", "dc.creator"] {
      if let value = clean(meta[key]), !value.lowercased().hasPrefix("http") { return value }
    }
    return nil
  }

  private static func timeElementDate(_ root: HTMLElement) -> Date? {
    let times = root.descendants { $0.name == "time" }
    let inArticle = times.filter { $0.ancestor(named: "article") != nil }
    for element in inArticle + times {
      if let value = element["datetime"], let date = ArticleDate.parse(value) { return date }
    }
    return nil
  }

  /// The `<title>` without the site name that pages append ("Headline | Site", "Headline —
  /// Site"): the longest part.
  private static func pageTitle(_ root: HTMLElement) -> String? {
    guard let title = root.first("title")?.text, !title.isEmpty else { return nil }
    for separator in [" | ", " — ", " – ", " :: ", " - "] where title.contains(separator) {
      return title.components(separatedBy: separator).max { $0.count < $1.count }
    }
    return title
  }

  /// "ru-RU", "kk_KZ", "AZ" → "ru", "kk", "az"; nil for what is not a language tag.
  static func languageCode(_ tag: String) -> String? {
    let code = tag.trimmingCharacters(in: .whitespaces).prefix { $0 != "-" && $0 != "_" }
      .lowercased()
    guard (2...3).contains(code.count), code.allSatisfy({ $0 >= "a" && $0 <= "z" }) else {
      return nil
    }
    return code
  }

  static func clean(_ text: String?, collapseLines: Bool = true) -> String? {
    guard let text else { return nil }
    let value: String
    if collapseLines {
      value = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    } else {
      value = text.split(whereSeparator: \.isNewline).map {
        $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
    return value.isEmpty ? nil : value
  }
}
