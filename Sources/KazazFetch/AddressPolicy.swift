/// Which addresses a request for a URL a publisher chose may connect to.
///
/// Item links and autodiscovered feed candidates come from whoever writes the feed or the page,
/// so they must not make the daemon a proxy into the machine or its networks: loopback
/// services, the cloud metadata service on 169.254.169.254, a router's admin page. Such a
/// request may connect only to public addresses, with one exception: the endpoint (address and
/// port) the feed or page itself was served from before any redirect, so that a feed served
/// from a private address may still have its own pages fetched. The exemption is that one
/// server, not its whole address: other ports on the same host are other services.
///
/// The check is made on the address libcurl actually connects to, after DNS, on every redirect
/// hop (`CurlTransfer`), so a public-looking name that resolves to 127.0.0.1 is caught. URLs
/// the operator configured carry no policy and may go anywhere; `fetch.allow_private_addresses`
/// turns the policy off.
public struct AddressPolicy: Sendable, Equatable {
  /// What the URL is, for messages: "article page", "feed candidate".
  public var purpose: String
  /// The endpoint the publisher's own feed or page was served from: allowed even when it is
  /// not public.
  public var home: Endpoint?

  public init(purpose: String, home: Endpoint? = nil) {
    self.purpose = purpose
    self.home = home
  }

  /// True when a connection to `endpoint` is allowed.
  public func allows(_ endpoint: Endpoint) -> Bool {
    endpoint.address.scope.isPublic || endpoint == home
  }
}

/// A connection the address policy refused, with everything the message needs.
public struct AddressRefusal: Sendable, Equatable, CustomStringConvertible {
  public var purpose: String
  /// The URL asked for.
  public var url: String
  /// The URL being fetched when the connection was refused, when a redirect led there.
  public var redirectedTo: String?
  public var address: String
  public var scope: AddressScope

  public init(
    purpose: String, url: String, redirectedTo: String? = nil, address: String,
    scope: AddressScope
  ) {
    self.purpose = purpose
    self.url = url
    self.redirectedTo = redirectedTo
    self.address = address
    self.scope = scope
  }

  /// "article page http://… resolves to 127.0.0.1, a loopback address; not fetched
  /// (fetch.allow_private_addresses)"
  public var description: String {
    let hop = redirectedTo.map { ", redirected to \($0)," } ?? ""
    return "\(purpose) \(url)\(hop) resolves to \(address), \(scope.phrase); not fetched "
      + "(fetch.allow_private_addresses)"
  }
}
