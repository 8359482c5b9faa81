import Foundation

/// The article of a news page, as plain text.
public struct ExtractedArticle: Sendable, Equatable {
  public var title: String?
  /// The article's paragraphs (and subheadings), one per line.
  public var text: String
  public var published: Date?
  public var author: String?
  /// The language the page declares (`<html lang>`, `content-language`, `og:locale`), as a
  /// lower-case code ("ru", "kk", "az", "en"); nil when it declares none.
  public var language: String?
  /// How the text was found.
  public var method: ExtractionMethod

  public init(
    title: String?, text: String, published: Date?, author: String?, language: String? = nil,
    method: ExtractionMethod = ExtractionMethod(path: .none)
  ) {
    self.title = title
    self.text = text
    self.published = published
    self.author = author
    self.language = language
    self.method = method
  }
}

/// Finds the main text of a news page, readability-style, and never gives nothing when the page
/// has text.
///
/// The readability pass (`ExtractionPass`) runs first; when its text is shorter than
/// `enoughCharacters`, it runs again relaxed step by step, as Readability does: page furniture
/// kept, then class and id weights dropped, then blocks that are mostly links kept. Then a
/// JSON-LD `articleBody` much longer than the text found replaces it; then, when the text is
/// still short, the page's `<article>` or `<main>` element and the longest block of text are
/// tried. The longest of these wins over a short one only when it is clearly longer, so a short
/// news item is not traded for the comments under it. `ExtractedArticle.method` records which
/// way was taken; when none finds text, it is `.none` and the caller keeps the feed's text.
public enum ArticleExtractor {
  /// Text this long (characters) ends the search: Readability's 500-character threshold.
  static let enoughCharacters = 500

  public static func extract(_ document: HTMLDocument) -> ExtractedArticle {
    let metadata = ArticleMetadata(document.root)
    let body = document.root.first("body") ?? document.root
    let found = mainText(body: body, articleBody: metadata.articleBody)
    return ExtractedArticle(
      title: metadata.title, text: found.text, published: metadata.published,
      author: metadata.author, language: metadata.language, method: found.method)
  }

  /// Parses `data` (charset from `httpCharset`, else the page) and extracts its article.
  public static func extract(data: Data, httpCharset: String? = nil) -> ExtractedArticle {
    extract(HTMLDocument(data: data, httpCharset: httpCharset))
  }

  /// Words in `text` (runs separated by white space).
  public static func wordCount(_ text: String) -> Int {
    text.split(whereSeparator: { $0.isWhitespace }).count
  }

  struct Found {
    var text: String
    var method: ExtractionMethod
  }

  static func mainText(body: HTMLElement, articleBody: String?) -> Found {
    var best: Found?
    let measures = PageMeasures(body: body)
    for pass in ExtractionPass.Relaxation.allCases {
      var context = ExtractionPass(body: body, relaxation: pass, measures: measures)
      guard let found = context.run() else { continue }
      best = better(best, found)
      if found.text.count >= enoughCharacters { break }
    }
    if let articleBody, wordCount(best?.text ?? "") < wordCount(articleBody) / 2 {
      best = Found(text: articleBody, method: ExtractionMethod(path: .jsonLD))
    }
    if (best?.text.count ?? 0) < enoughCharacters {
      var context = ExtractionPass(body: body, relaxation: .keptUnlikely, measures: measures)
      for fallback in [context.articleElement(), context.longestBlock()] {
        if let fallback { best = better(best, fallback) }
      }
    }
    return best ?? Found(text: "", method: ExtractionMethod(path: .none))
  }

  /// `current`, unless it is empty or `candidate` is at least twice as long and does not come
  /// from a block named as furniture (the comments under a short item are longer than it).
  static func better(_ current: Found?, _ candidate: Found) -> Found {
    guard let current, !current.text.isEmpty else { return candidate }
    if let container = candidate.method.container,
      Boilerplate.matches(
        String(container.map { $0 == "." || $0 == "#" ? " " : $0 }), Boilerplate.negative)
    {
      return current
    }
    return candidate.text.count >= 2 * current.text.count ? candidate : current
  }

  /// A short line that only dates or signs the article ("By Samir Guliyev, 24 November 2026",
  /// "25.11.2026 11:40", "18 Nov 2019, 12:44 by Yulia Abramova", "18 қараша 2019"), as found
  /// above the first paragraph.
  static func isByline(_ text: String) -> Bool {
    guard text.count < 70 else { return false }
    let lower = text.lowercased()
    if lower.hasPrefix("by ") || lower.hasPrefix("автор:") || lower.hasPrefix("posted by") {
      return true
    }
    let digits = text.filter(\.isNumber).count
    let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    let hasMonth = words.contains { word in
      monthStems.contains { word.hasPrefix($0) } || monthWords.contains(word)
    }
    let signed = words.contains("by") || words.contains("автор")
    // Mostly figures (dates, times), or a month name with a year in a few words (and perhaps
    // the author's name after "by").
    return (digits * 2 >= text.filter { !$0.isWhitespace }.count)
      || (hasMonth && digits >= 4 && (words.count <= 6 || (signed && words.count <= 10)))
  }

  /// Month names that are not other words at their start: Russian stems (января, январь) and
  /// the full names of English, Kazakh, Azerbaijani and Turkish.
  static let monthStems = [
    "январ", "феврал", "апрел", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
    "january", "february", "april", "june", "july", "august", "september", "october",
    "november", "december", "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде",
    "тамыз", "қыркүйек", "қараша", "желтоқсан", "yanvar", "fevral", "aprel", "iyun", "iyul",
    "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr", "şubat", "nisan", "mayıs", "haziran",
    "temmuz", "ağustos", "eylül", "kasım", "aralık",
  ]
  /// Month names and abbreviations that are also short words or stems of others, matched
  /// whole ("mar", "may", "мая", "қазан", "ekim", "ocak").
  static let monthWords: Set<String> = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "march", "мая", "май", "март", "марта", "қазан", "mart", "ekim", "ocak",
  ]

  static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "td"]
  /// Blocks that group others; one that is mostly links is a list of other articles.
  static let containerTags: Set<String> = ["div", "section", "ul", "ol", "table", "dl"]
  static let blockTags: Set<String> = [
    "p", "div", "section", "article", "main", "ul", "ol", "li", "table", "tbody", "thead", "tr",
    "td", "th", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "header", "figure",
    "figcaption", "dl", "dt", "dd", "hr", "br", "address", "center",
  ]
}
