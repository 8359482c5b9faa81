/// How an article's text was found: which pass or fallback produced it, from which container,
/// with what score. Shown by `kazaz-monitor extract`, so a wrong extraction can be traced.
public struct ExtractionMethod: Sendable, Equatable {
  /// The way the text was found, from the most to the least trusted.
  public enum Path: String, Sendable, CaseIterable {
    /// Scored containers with page furniture set aside, class names weighed.
    case readability
    /// As `readability`, with blocks whose class names furniture kept (some sites name their
    /// article wrapper "sidebar-layout" or "comments-enabled").
    case keptUnlikely = "readability-kept-unlikely"
    /// As `keptUnlikely`, without the class and id weights.
    case noClassWeights = "readability-no-class-weights"
    /// As `noClassWeights`, without leaving out blocks that are mostly links.
    case noLinkDensity = "readability-no-link-density"
    /// JSON-LD `articleBody`: pages that render their text with script.
    case jsonLD = "json-ld-article-body"
    /// The text of the page's `<article>` or `<main>` element.
    case articleElement = "article-element"
    /// The element with the longest run of text outside links.
    case longestBlock = "longest-text-block"
    /// Nothing readable: the caller keeps what it had (the feed's text).
    case none
  }

  public var path: Path
  /// The container the text came from, as `tag#id.class` (nil for JSON-LD and `none`).
  public var container: String?
  /// The container's readability score (content score × (1 − link density)).
  public var score: Double?

  public init(path: Path, container: String? = nil, score: Double? = nil) {
    self.path = path
    self.container = container
    self.score = score
  }
}
