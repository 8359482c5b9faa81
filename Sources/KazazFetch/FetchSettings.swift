import Foundation

/// How the fetcher behaves: limits, timeouts and politeness. Values, with defaults.
public struct FetchSettings: Sendable, Equatable {
  /// Transfers in flight at once, across all hosts.
  public var concurrency: Int
  /// Transfers in flight at once to one host.
  public var perHost: Int
  /// Whole-transfer deadline.
  public var timeout: Duration
  public var connectTimeout: Duration
  /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedTime` is cut off: a server
  /// that trickles bytes must not hold a slot until the total timeout.
  public var lowSpeedBytesPerSecond: Int
  public var lowSpeedTime: Duration
  /// Bodies larger than this (after decompression) are aborted.
  public var maxResponseBytes: Int
  public var maxRedirects: Int
  public var userAgent: String
  /// A CA bundle file to verify servers with, instead of the system's.
  public var caBundle: String?
  /// A proxy URL; when nil, libcurl honours the standard proxy environment variables.
  public var proxy: String?
  /// Lets URLs that publishers chose (article pages, autodiscovered feeds) connect to loopback,
  /// link-local, private and other non-public addresses (`AddressPolicy`).
  public var allowPrivateAddresses: Bool
  /// Name overrides in libcurl's `HOST:PORT:ADDRESS` form (`CURLOPT_RESOLVE`). For tests: a
  /// loopback server under a public-looking name; not a configuration key.
  public var resolve: [String]

  /// `kazaz-monitor/VERSION (+https://…)`: the product, its version and the page that says
  /// what it is, in the form crawlers use so a site's operator can tell who polls and why.
  public static let defaultUserAgent = userAgent(contact: nil)

  /// The User-Agent naming `contact` (`fetch.contact_url`: the operator's page or a mailto-like
  /// page for this installation) instead of the project's page.
  public static func userAgent(contact: String?) -> String {
    "kazaz-monitor/\(KazazVersion.current) (+\(contact ?? KazazVersion.homepage))"
  }

  public init(
    concurrency: Int = 16, perHost: Int = 2, timeout: Duration = .seconds(30),
    connectTimeout: Duration = .seconds(10), lowSpeedBytesPerSecond: Int = 256,
    lowSpeedTime: Duration = .seconds(15), maxResponseBytes: Int = 10 * 1024 * 1024,
    maxRedirects: Int = 5, userAgent: String = FetchSettings.defaultUserAgent,
    caBundle: String? = nil, proxy: String? = nil, allowPrivateAddresses: Bool = false,
    resolve: [String] = []
  ) {
    self.concurrency = concurrency
    self.perHost = perHost
    self.timeout = timeout
    self.connectTimeout = connectTimeout
    self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
    self.lowSpeedTime = lowSpeedTime
    self.maxResponseBytes = maxResponseBytes
    self.maxRedirects = maxRedirects
    self.userAgent = userAgent
    self.caBundle = caBundle
    self.proxy = proxy
    self.allowPrivateAddresses = allowPrivateAddresses
    self.resolve = resolve
  }
}

extension FetchSettings {
  /// True when libcurl may send transfers through a proxy: `proxy` is set, or one of the proxy
  /// variables libcurl reads is (`http_proxy` only in lower case), unless `no_proxy` is `*`. It
  /// errs towards yes: a host `no_proxy` exempts is then judged only by the address its URL
  /// names, as behind a proxy.
  public func mayUseProxy(environment: [String: String]) -> Bool {
    if let proxy { return !proxy.isEmpty }
    let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"]
    if noProxy?.trimmingCharacters(in: .whitespaces) == "*" { return false }
    return ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"].contains {
      !(environment[$0] ?? "").isEmpty
    }
  }
}

/// The product's version and homepage, used in the User-Agent.
public enum KazazVersion {
  public static let current = "0.1.0"
  public static let homepage = "https://github.com/kazaz-monitor/kazaz-monitor"
}
