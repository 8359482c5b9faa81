import Foundation

/// The form of a URL used to recognise the same article across feeds: lower-case scheme and host,
/// no `www.`, no default port, no fragment, no trailing slash, no tracking parameters
/// (`utm_*`, `fbclid`, `gclid`, `yclid`, …), remaining parameters sorted.
public enum CanonicalURL {
  static let trackingParameters: Set<String> = [
    "fbclid", "gclid", "yclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga",
    "ref_src", "_openstat",
  ]

  /// The link without surrounding whitespace; most links have none, and they skip the
  /// Foundation round trip.
  private static func trimmed(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
      return text
    }
    let edges = first.properties.isWhitespace || last.properties.isWhitespace
    return edges ? text.trimmingCharacters(in: .whitespaces) : text
  }

  public static func make(_ text: String?) -> String? {
    guard let text,
      var components = URLComponents(string: trimmed(text)),
      let scheme = components.scheme?.lowercased()
    else { return nil }
    guard scheme == "http" || scheme == "https" else { return text }
    var host = (components.host ?? "").lowercased()
    if host.hasPrefix("www.") { host.removeFirst(4) }
    components.scheme = "https"
    components.host = host
    if components.port == 80 || components.port == 443 { components.port = nil }
    components.fragment = nil
    var path = components.percentEncodedPath
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    components.percentEncodedPath = path == "/" ? "" : path
    let kept = (components.queryItems ?? [])
      .filter { item in
        let name = item.name.lowercased()
        return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
      }
      .sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
    components.queryItems = kept.isEmpty ? nil : kept
    return components.string
  }
}
