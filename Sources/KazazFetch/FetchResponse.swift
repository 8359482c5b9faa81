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

  public init(
    status: Int, headers: [(name: String, value: String)], body: Data, effectiveURL: String,
    redirectCount: Int, redirects: [Redirect] = []
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.effectiveURL = effectiveURL
    self.redirectCount = redirectCount
    self.redirects = redirects
  }

  public static func == (lhs: FetchResponse, rhs: FetchResponse) -> Bool {
    lhs.status == rhs.status && lhs.body == rhs.body && lhs.effectiveURL == rhs.effectiveURL
      && lhs.redirectCount == rhs.redirectCount && lhs.redirects == rhs.redirects
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
