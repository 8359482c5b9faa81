import KazazConfig
import KazazDigest

extension DigestConfig {
  /// The schedule the `digest:` section describes.
  public var schedule: DigestSchedule {
    DigestSchedule(minuteOfDay: minuteOfDay, timeZone: timeZone)
  }

  /// The heading language as the renderers know it.
  var headingLanguage: DigestLanguage {
    switch language {
    case .en: .en
    case .ru: .ru
    }
  }
}

extension DigestFormat {
  /// The extension of the dated file; nil for the Atom feed, which is one file for all days.
  var fileExtension: String? {
    switch self {
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    case .atom: nil
    }
  }
}
