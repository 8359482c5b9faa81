/// The subject of a digest's mail, in the digest's heading language:
/// "Kazakhstan–Azerbaijan digest, 7 December 2026: 5 stories".
public enum DigestSubject {
  public static func of(_ digest: Digest) -> String {
    let words = DigestStrings.of(digest.language)
    return "\(words.title), \(date(digest.day, words)): \(words.storyCount(digest.stories.count))"
  }

  /// The subject of a weekly report: "Kazakhstan–Azerbaijan weekly report, 2026-W48: 12
  /// stories".
  public static func of(_ report: WeeklyReport) -> String {
    let words = DigestStrings.of(report.language)
    let title = WeeklyStrings.of(report.language).title
    return "\(title), \(report.week): \(words.storyCount(report.digest.stories.count))"
  }

  /// "7 December 2026" from `2026-12-07`; the label itself when it is not such a date.
  static func date(_ label: String, _ words: DigestStrings) -> String {
    let parts = label.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
      return label
    }
    return "\(parts[2]) \(words.months[parts[1] - 1]) \(parts[0])"
  }
}
