import Foundation

/// Finds the figures an analyst looks for first — money amounts with their currency and scale,
/// and percentages — in English and Russian text, as written ("$1.2 billion", "1,5 млрд
/// долларов", "15%", "на 20 процентов").
///
/// A stop-gap kept self-contained so the classifier's key-fact extraction can replace it: the
/// digest builder takes any `(String) -> [String]`.
public enum KeyFigures {
  /// At most this many figures per story.
  public static let limit = 4

  static let number = #"\d{1,3}(?:[ \u00A0,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"#
  static let scale =
    #"thousand|million|billion|trillion|mln|bn|mn|млн\.?|млрд\.?|трлн\.?|тыс\.?|миллион\p{L}*|миллиард\p{L}*|триллион\p{L}*"#
  static let currencyWord =
    #"US\s?dollars?|dollars?|USD|EUR|euros?|tenge|KZT|manats?|AZN|rubles?|roubles?|RUB|долл(?:ар\p{L}*|\.)|евро|тенге|манат\p{L}*|руб(?:л\p{L}*|\.)"#
  static let symbol = #"[$€₸₼₽£]"#

  static let pattern: NSRegularExpression = {
    let amount = "(?:\(number))(?:\\s?(?:\(scale))(?![\\p{L}]))?"
    let alternatives = [
      // $1.2 billion, € 300 mln, USD 5 million
      "(?:\(symbol)|(?:USD|EUR|AZN|KZT)\\s)\\s?\(amount)",
      // 1,5 млрд долларов, 300 million manats, 20 $
      "\(amount)\\s?(?:(?:\(currencyWord))(?![\\p{L}])|\(symbol))",
      // 15%, 3.5 percent, 20 процентов
      "(?:\(number))\\s?(?:%|(?:percent|per cent|процент\\p{L}*)(?![\\p{L}]))",
    ]
    let joined = alternatives.map { "(?<![\\p{L}\\d])(?:\($0))" }.joined(separator: "|")
    // The pattern is a constant: a failure here is a programming error caught by the tests.
    return try! NSRegularExpression(pattern: joined, options: [.caseInsensitive])
  }()

  /// The distinct figures in `text`, in order of appearance, at most `limit`.
  public static func extract(from text: String) -> [String] {
    let range = NSRange(text.startIndex..., in: text)
    var figures: [String] = []
    var seen: Set<String> = []
    for match in pattern.matches(in: text, range: range) {
      guard let found = Range(match.range, in: text) else { continue }
      let figure = String(text[found])
        .replacingOccurrences(of: "\u{00A0}", with: " ")
        .trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
      guard seen.insert(figure.lowercased()).inserted else { continue }
      figures.append(figure)
      if figures.count == limit { break }
    }
    return figures
  }
}
