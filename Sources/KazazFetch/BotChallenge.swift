import Foundation

/// A response that is the site's bot protection answering instead of the site: a challenge page
/// (a script that must run in a browser, a captcha form) or a block page of a protection service.
///
/// Recognised from generic markers of the services only, never from a particular site: a
/// `cf-mitigated: challenge` header (Cloudflare says so itself), or an HTML body whose first
/// `inspectedBytes` hold one of `bodyMarkers`. Only statuses such services answer with count:
/// 403, 429 and 503, and a 2xx (some serve their challenge with 200) for the technical markers
/// alone; a site's own 404 page is never taken for one. The caller asks about a 2xx only when
/// its body is no feed. Pure: tested with tables, no network.
public struct BotChallenge: Sendable, Equatable, CustomStringConvertible {
  /// What gave it away: "Cloudflare challenge", "DDoS-Guard", "captcha" …
  public var marker: String
  public var status: Int

  public init(marker: String, status: Int) {
    self.marker = marker
    self.status = status
  }

  /// "blocked by the site's bot protection (Cloudflare challenge, HTTP 403)".
  public var description: String {
    "blocked by the site's bot protection (\(marker), HTTP \(status))"
  }

  /// Only the start of a body is read: challenge pages say what they are in their `<head>`, and
  /// a megabyte of hostile HTML costs no more than this.
  public static let inspectedBytes = 8 * 1024

  /// Statuses a protection service answers with instead of the page.
  static let challengeStatuses: Set<Int> = [403, 429, 503]

  /// Markers of protection services, lower-case ASCII, searched in the lower-cased first bytes
  /// of an HTML body. Each names the service or the mechanism, not a site. `technical` markers
  /// are script names, paths and cookies no article text contains; the others are phrases and
  /// widgets (a home page may show a captcha in its comment form, or an article may name a
  /// service), so they count only with a status protection services answer with.
  static let bodyMarkers: [(needle: String, marker: String, technical: Bool)] = [
    ("cf-chl", "Cloudflare challenge", true),
    ("challenges.cloudflare.com", "Cloudflare challenge", true),
    ("cf-turnstile", "Cloudflare challenge", true),
    ("/.well-known/ddos-guard", "DDoS-Guard", true),
    ("__qrator", "Qrator", true),
    ("_incapsula_resource", "Imperva Incapsula", true),
    ("just a moment...", "Cloudflare challenge", false),
    ("attention required! | cloudflare", "Cloudflare block page", false),
    ("ddos-guard", "DDoS-Guard", false),
    ("qrator", "Qrator", false),
    ("sucuri website firewall", "Sucuri firewall", false),
    ("stormwall", "StormWall", false),
    ("variti", "Variti", false),
    ("smartcaptcha", "captcha", false),
    ("g-recaptcha", "captcha", false),
    ("h-captcha", "captcha", false),
    ("hcaptcha.com", "captcha", false),
    ("checking your browser", "browser check", false),
    ("please enable javascript and cookies", "browser check", false),
  ]
}

extension FetchResponse {
  /// The bot protection that answered instead of the site, or nil. Checks the headers and the
  /// first `BotChallenge.inspectedBytes` of the body only.
  public var botChallenge: BotChallenge? {
    let challengeStatus = BotChallenge.challengeStatuses.contains(status)
    guard challengeStatus || (200..<300).contains(status) else { return nil }
    if challengeStatus, header("cf-mitigated")?.lowercased().contains("challenge") == true {
      return BotChallenge(marker: "Cloudflare challenge", status: status)
    }
    let head = Self.lowercasedASCII(body.prefix(BotChallenge.inspectedBytes))
    guard isHTML(head) else { return nil }
    for (needle, marker, technical) in BotChallenge.bodyMarkers
    where (technical || challengeStatus) && head.contains(needle) {
      return BotChallenge(marker: marker, status: status)
    }
    return nil
  }

  /// An HTML page, by its declared type or, when none is declared, by its first markup.
  private func isHTML(_ head: String) -> Bool {
    if let type = header("content-type")?.lowercased() {
      return type.contains("html")
    }
    let start = head.drop {
      $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}"
    }
    return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
  }

  /// Bytes as text with ASCII letters lower-cased; other bytes become U+FFFD or stay as they
  /// decode, which no marker contains.
  private static func lowercasedASCII(_ bytes: Data) -> String {
    String(decoding: bytes.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
  }
}
