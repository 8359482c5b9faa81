import Foundation

/// Resolves relative links against `xml:base` or the feed's own URL.
enum URLResolver {
  static func resolve(_ link: String?, base: String?) -> String? {
    guard let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty else {
      return nil
    }
    if let url = URL(string: link), url.scheme != nil { return url.absoluteString }
    guard let base, let baseURL = URL(string: base),
      let resolved = URL(string: link, relativeTo: baseURL)
    else { return link }
    return resolved.absoluteURL.absoluteString
  }
}
