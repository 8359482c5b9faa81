import Foundation

/// Whether text is a web address the daemon may fetch: an `http` or `https` URL (any case) that
/// Foundation parses, with a host. The one rule for feed URLs from the config, OPML import and
/// feed autodiscovery, so that a URL one of them accepts is never refused by another.
public enum WebURL {
  public static func isValid(_ text: String) -> Bool {
    let lower = text.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
      let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
      URL(string: text) != nil
    else { return false }
    return true
  }
}
