import Foundation
import KazazModel
import KazazText

/// Renders an Atom 1.0 feed of recent digests, so any feed reader can subscribe to them. Each
/// entry links to the digest's file (through the configured base URL, or as a `file:` URL) and
/// summarises it in plain text. Every date comes from the digests' periods, so the same digests
/// always give the same bytes.
public struct AtomRenderer: Sendable {
  /// One digest as the feed lists it.
  public struct Entry: Sendable, Equatable {
    public var day: String
    /// The end of the digest's period: the entry's `updated`.
    public var periodEnd: Date
    public var isPartial: Bool
    public var relevantCount: Int
    public var totalItems: Int
    /// The top stories' titles.
    public var headlines: [String]
    /// Where the digest can be read (HTML preferred); nil when no file is linkable.
    public var link: String?
    public var linkType: String?
    /// A weekly report (`day` is its ISO week) rather than a daily digest.
    public var isWeekly: Bool

    public init(
      day: String, periodEnd: Date, isPartial: Bool, relevantCount: Int, totalItems: Int,
      headlines: [String], link: String?, linkType: String?, isWeekly: Bool = false
    ) {
      self.isWeekly = isWeekly
      self.day = day
      self.periodEnd = periodEnd
      self.isPartial = isPartial
      self.relevantCount = relevantCount
      self.totalItems = totalItems
      self.headlines = headlines
      self.link = link
      self.linkType = linkType
    }
  }

  public var language: DigestLanguage
  /// The feed's own URL, when the digests are published under a base URL.
  public var selfLink: String?

  public init(language: DigestLanguage = .en, selfLink: String? = nil) {
    self.language = language
    self.selfLink = selfLink
  }

  /// `entries` newest first: the daily digests, with the weekly reports among them.
  public func render(_ entries: [Entry]) -> String {
    let words = DigestStrings.of(language)
    let updated = entries.map(\.periodEnd).max() ?? Date(timeIntervalSince1970: 0)
    var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language.rawValue)\">\n"
    out += "  <id>urn:kazaz-monitor:digests</id>\n"
    out += "  <title>\(xml(words.title))</title>\n"
    out += "  <updated>\(DigestText.rfc3339(updated))</updated>\n"
    out += "  <author><name>kazaz-monitor</name></author>\n"
    out += "  <generator>kazaz-monitor</generator>\n"
    if let selfLink {
      out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(selfLink))\"/>\n"
    }
    for entry in entries {
      out += "  <entry>\n"
      let kind = entry.isWeekly ? "weekly" : "digest"
      out += "    <id>urn:kazaz-monitor:\(kind):\(xml(entry.day))</id>\n"
      let partial = entry.isPartial ? " (\(words.soFar))" : ""
      let title = entry.isWeekly ? WeeklyStrings.of(language).title : words.title
      out += "    <title>\(xml("\(title) — \(entry.day)\(partial)"))</title>\n"
      out += "    <updated>\(DigestText.rfc3339(entry.periodEnd))</updated>\n"
      if let link = entry.link {
        let type = entry.linkType.map { " type=\"\(xml($0))\"" } ?? ""
        out += "    <link rel=\"alternate\"\(type) href=\"\(xml(link))\"/>\n"
      }
      out += "    <summary type=\"text\">\(xml(summary(entry, words)))</summary>\n"
      out += "  </entry>\n"
    }
    return out + "</feed>\n"
  }

  private func summary(_ entry: Entry, _ words: DigestStrings) -> String {
    guard entry.relevantCount > 0 else { return words.emptyShort }
    var text = words.relevantOfItems(entry.relevantCount, entry.totalItems)
    if !entry.headlines.isEmpty {
      text += ". " + entry.headlines.map(DigestText.oneLine).joined(separator: " · ")
    }
    return text
  }

  /// XML text and attribute escaping, on one line.
  private func xml(_ text: String) -> String {
    XMLEscaping.escape(DigestText.oneLine(text))
  }
}
