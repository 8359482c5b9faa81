import Foundation

/// The class/id vocabulary of page furniture, shared by extraction and its tests.
///
/// Patterns match whole `class`/`id` tokens or their `-`/`_`-separated parts ("sidebar" matches
/// `news-sidebar` and `sidebar_right`; "comment" matches `comments`), never arbitrary
/// substrings, so `headline` is not `ad` and `contentious` is not `content`. Russian sites use
/// English class names almost always, so one list serves both languages.
enum Boilerplate {
  /// Blocks that are never article text: navigation, lists of other articles, comments,
  /// sharing, subscription and cookie prompts, advertising.
  static let negative = [
    "comment", "sidebar", "menu", "nav", "navbar", "navigation", "footer", "related", "popular",
    "most-read",
    "mostread", "most-popular", "share", "sharing", "social", "subscribe", "subscription",
    "cookie", "advert", "ads", "adv", "banner", "promo", "widget", "breadcrumb", "read-also",
    "readalso", "also-read", "see-also", "newsletter", "masthead", "modal", "popup",
    "pagination", "pager", "tags", "rating", "poll", "login", "search", "trending", "topbar",
    "recommend", "more-news", "other-news", "disqus", "consent", "gdpr", "gallery", "slideshow",
    "carousel", "teaser", "more-stories", "button", "btn", "toolbar", "switch",
  ]
  /// Cookie and consent prompts: set aside in every pass, whatever share of the page's prose they
  /// hold (a consent dialog can outweigh a short news item).
  static let consent = ["cookie", "consent", "gdpr"]
  /// Blocks inside an article that are about it rather than of it: bylines, dates, captions.
  static let furniture = [
    "byline", "dateline", "meta", "date", "time", "author", "caption", "credit", "photo-source",
    "print", "error-report", "source-link", "legend", "copyright", "imagedesc", "image-desc",
    "image-annotation", "bildunterschrift",
  ]
  /// Names that mark the article body.
  static let positive = [
    "article", "body", "content", "entry", "main", "post", "text", "story", "hentry", "news",
    "publication", "material",
  ]

  static func matches(_ classAndID: String, _ patterns: [String]) -> Bool {
    guard !classAndID.isEmpty else { return false }
    for token in classAndID.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      let token = token.lowercased().replacingOccurrences(of: "_", with: "-")
      let parts = token.split(separator: "-").map(String.init)
      for pattern in patterns {
        if pattern.contains("-") {
          if token.contains(pattern) { return true }
        } else if parts.contains(where: {
          $0 == pattern || ($0.hasPrefix(pattern) && pattern.count >= 4)
        }) {
          return true
        }
      }
    }
    return false
  }

  /// Openings of paragraphs that point elsewhere or ask something of the reader.
  static let noisePrefixes = [
    "read also", "read more", "see also", "related:", "also read", "follow us", "subscribe to",
    "share this", "photo:", "video:", "source:", "advertisement", "читайте также", "читайте еще",
    "также читайте", "по теме:", "смотрите также", "подписывайтесь", "подпишитесь", "фото:",
    "видео:", "источник:", "нашли ошибку", "выделите ошибку", "если вы располагаете",
    "реклама", "оқыңыз", "həmçinin oxuyun", "ayrıca okuyun",
  ]

  static func isNoiseParagraph(_ text: String) -> Bool {
    let lower = text.lowercased()
    return noisePrefixes.contains { lower.hasPrefix($0) } || isChannelPromotion(lower)
  }

  /// Social networks and messengers an outlet asks its readers to follow it on.
  static let channels = [
    "telegram", "youtube", "facebook", "instagram", "whatsapp", "twitter", "tiktok", "вконтакте",
    "телеграм", "ютуб", "инстаграм", "фейсбук", "дзен",
  ]
  /// What the outlet asks: subscribe, follow, join (English, Russian, Kazakh, Azerbaijani,
  /// Turkish; whole request forms, since "подписать" is to sign and "жазылған" is written).
  static let followRequests = [
    "subscribe", "follow us", "join us", "join our", "подписывайтесь", "подпишитесь",
    "подписаться на", "присоединяйтесь", "жазылыңыз", "жазылуды", "abunə", "abone ol",
    "takip edin", "bizi izləyin",
  ]

  /// A short paragraph asking the reader to follow the outlet on a channel ("Subscribe to our
  /// Telegram channel", "YouTube-арнамызға жазылыңыз"): the outlet's promotion, not the story.
  /// A paragraph about a network without such a request is kept.
  static func isChannelPromotion(_ lower: String) -> Bool {
    lower.count < 200 && channels.contains { lower.contains($0) }
      && followRequests.contains { lower.contains($0) }
  }

  /// Elements whose content is never article text.
  static let droppedTags: Set<String> = [
    "script", "style", "noscript", "template", "iframe", "form", "nav", "footer", "aside",
    "button", "select", "textarea", "input", "svg", "canvas", "object", "embed", "dialog",
    "menu", "label",
  ]
}
