import KazazModel
import KazazText

/// The naive rule the classifier is measured against: an article is "relevant" when it names
/// both countries anywhere (any inflected form, any of the five languages). It has perfect recall
/// on bilateral stories and no defence against summit lists, football fixtures or one-sided
/// stories that mention the other country once; `eval` prints it beside the classifier's scores.
public struct BothCountriesRule: Sendable {
  static let kazakhstan = [
    "kazakhstan*", "qazaqstan*", "kazakstan*", "казахстан*", "қазақстан*", "qazaxistan*",
    "kazakistan*",
  ]
  static let azerbaijan = [
    "azerbaijan*", "азербайджан*", "әзірбайжан*", "әзербайжан*", "azerbaycan*",
  ]

  private let matcher: TermMatcher
  private let kazakhstanCount: Int

  public init() {
    let patterns = (Self.kazakhstan + Self.azerbaijan).compactMap(CompiledProfile.compile)
    matcher = TermMatcher(patterns: patterns)
    kazakhstanCount = Self.kazakhstan.count
  }

  /// True when the text names both Kazakhstan and Azerbaijan.
  public func mentionsBoth(_ text: String) -> Bool {
    var bytes: [UInt8] = [0x20]
    TextNormalizer.append(text, to: &bytes)
    bytes.append(0x20)
    var kazakhstan = false
    var azerbaijan = false
    matcher.forEachMatch(in: bytes) { match in
      if match.pattern < kazakhstanCount { kazakhstan = true } else { azerbaijan = true }
    }
    return kazakhstan && azerbaijan
  }
}
