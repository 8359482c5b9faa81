import Foundation
import KazazModel

/// What came back: the final response after redirects.
public struct FetchResponse: Sendable, Equatable {
  /// HTTP status of the final response; 200 for a file that was read.
  public var status: Int
  /// Headers of the final response, names lower-cased, in order.
  public var headers: [(name: String, value: String)]
  public var body: Data
  /// The URL the body came from, after redirects.
  public var effectiveURL: String
  public var redirectCount: Int
  /// Each redirect followed, in order: its status and target.
  public var redirects: [Redirect]
  /// The URL that was asked for, before redirects.
  public var requestedURL: String
  /// Where each request of the exchange was sent (the first hop, the redirects, the final
  /// one), as libcurl connected or reused a connection; behind a proxy, the proxy. Empty for
  /// files.
  public var endpoints: [Endpoint]
  /// The server the requested URL itself reached, before any redirect: the first endpoint, or
  /// behind a proxy the address written in the URL when it is one. What a feed's or page's own
  /// links may connect to even when it is not public (`AddressPolicy.home`).
  public var origin: Endpoint?

  public init(
    status: Int, headers: [(name: String, value: String)], body: Data, effectiveURL: String,
    redirectCount: Int, redirects: [Redirect] = [], requestedURL: String? = nil,
    endpoints: [Endpoint] = [], origin: Endpoint? = nil
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.effectiveURL = effectiveURL
    self.redirectCount = redirectCount
    self.redirects = redirects
    self.requestedURL = requestedURL ?? effectiveURL
    self.endpoints = endpoints
    self.origin = origin
  }

  public static func == (lhs: FetchResponse, rhs: FetchResponse) -> Bool {
    lhs.status == rhs.status && lhs.body == rhs.body && lhs.effectiveURL == rhs.effectiveURL
      && lhs.redirectCount == rhs.redirectCount && lhs.redirects == rhs.redirects
      && lhs.requestedURL == rhs.requestedURL && lhs.endpoints == rhs.endpoints
      && lhs.origin == rhs.origin
      && lhs.headers.map { "\($0.name):\($0.value)" }
        == rhs.headers.map { "\($0.name):\($0.value)" }
  }

  /// The last value of a header (names compare case-insensitively).
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.last { $0.name == lower }?.value
  }

  /// True for 304 Not Modified: the previous content is still current, nothing to parse.
  public var isNotModified: Bool { status == 304 }

  /// The `ETag`, unless it is unsafe to store and send back (`HTTPValidator`).
  public var etag: String? { HTTPValidator.sanitized(header("etag")) }
  /// The `Last-Modified` date as sent, unless it is unsafe to store and send back.
  public var lastModified: String? { HTTPValidator.sanitized(header("last-modified")) }

  /// The `charset` parameter of `Content-Type`, if any. A label that is not a short token
  /// (IANA names are at most 40 characters of letters, digits and `-_.:+()`) is ignored, so the
  /// body's own declaration decides instead of a publisher's junk.
  public var charset: String? {
    guard let charset = header("content-type").flatMap(ContentType.charset(of:)),
      charset.utf8.count <= 40, charset.utf8.allSatisfy(Self.isCharsetByte)
    else { return nil }
    return charset
  }

  private static func isCharsetByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"),
      UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"):
      true
    default: false
    }
  }
}

/// One redirect hop.
public struct Redirect: Sendable, Equatable {
  public var status: Int
  public var location: String

  public init(status: Int, location: String) {
    self.status = status
    self.location = location
  }

  /// 301 and 308 say the resource moved for good; 302, 303 and 307 say nothing of the kind.
  public var isPermanent: Bool { status == 301 || status == 308 }
}
