import Foundation
import KazazModel
import KazazWeb

/// The JSON lines `extract --json` prints: one object per page, keys sorted.
enum ExtractJSON {
  static func line(
    _ article: ExtractedArticle, source: String, url: String?, textLanguage: String
  ) -> String {
    var method: [String: Any] = ["path": article.method.path.rawValue]
    if let container = article.method.container { method["container"] = container }
    if let score = article.method.score, score.isFinite {
      method["score"] = (score * 10).rounded() / 10
    }
    let object: [String: Any] = [
      "source": source, "url": url ?? NSNull(), "title": article.title ?? NSNull(),
      "author": article.author ?? NSNull(),
      "published": article.published.map(CivilTime.rfc3339) ?? NSNull(),
      "language": article.language ?? NSNull(), "text_language": textLanguage,
      "words": ArticleExtractor.wordCount(article.text), "text": article.text, "method": method,
    ]
    return encode(object)
  }

  static func line(source: String, error: String, message: String) -> String {
    encode(["source": source, "error": error, "message": message])
  }

  private static func encode(_ object: [String: Any]) -> String {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
