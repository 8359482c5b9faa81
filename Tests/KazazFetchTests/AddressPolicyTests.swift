import Foundation
import KazazTesting
import Testing

@testable import KazazFetch

@Suite("Addresses: what kind of network each one is")
struct AddressScopeTests {
  @Test(
    "IPv4, IPv6 and IPv4 inside IPv6",
    arguments: [
      ("1.1.1.1", AddressScope.public), ("8.8.8.8", .public), ("2001:db8::1", .public),
      ("2a00:1450:4001::65", .public), ("127.0.0.1", .loopback), ("127.255.0.9", .loopback),
      ("::1", .loopback), ("[::1]", .loopback), ("169.254.169.254", .linkLocal),
      ("169.254.0.1", .linkLocal), ("fe80::1", .linkLocal), ("febf::1%eth0", .linkLocal),
      ("224.0.0.1", .multicast), ("239.255.255.255", .multicast), ("ff02::1", .multicast),
      ("0.0.0.0", .unspecified), ("0.1.2.3", .unspecified), ("::", .unspecified),
      ("10.1.2.3", .privateNetwork), ("172.16.0.1", .privateNetwork),
      ("172.31.255.255", .privateNetwork), ("172.15.255.255", .public), ("172.32.0.1", .public),
      ("192.168.1.1", .privateNetwork), ("192.169.0.1", .public), ("fc00::1", .privateNetwork),
      ("fdff:ffff::1", .privateNetwork), ("fec0::1", .privateNetwork),
      ("100.64.0.1", .sharedAddressSpace), ("100.127.255.255", .sharedAddressSpace),
      ("100.128.0.1", .public), ("100.63.255.255", .public), ("240.0.0.1", .reserved),
      ("255.255.255.255", .reserved),
      // IPv4-mapped, IPv4-compatible and NAT64 forms carry the IPv4 address's scope.
      ("::ffff:127.0.0.1", .loopback), ("::ffff:169.254.169.254", .linkLocal),
      ("::ffff:10.0.0.1", .privateNetwork), ("::ffff:8.8.8.8", .public),
      ("::127.0.0.1", .loopback), ("64:ff9b::a9fe:a9fe", .linkLocal), ("64:ff9b::808:808", .public),
      // Numeric forms the C resolver (and so libcurl and proxies) accept for 127.0.0.1.
      ("127.1", .loopback), ("2130706433", .loopback), ("0x7f000001", .loopback),
    ] as [(String, AddressScope)])
  func scopes(text: String, scope: AddressScope) throws {
    let address = try #require(IPAddress(text))
    #expect(address.scope == scope)
  }

  @Test("Names and junk are not addresses; addresses print canonically")
  func parsing() throws {
    for text in [
      "news.example.org", "localhost", "", "1.2.3.4.example", "[::1", "::g", "127.0.0.1 x",
      "127.0.0.1\n", "::1\u{0}",
    ] {
      #expect(IPAddress(text) == nil)
    }
    #expect(try #require(IPAddress("::ffff:127.0.0.1")).description == "::ffff:127.0.0.1")
    #expect(try #require(IPAddress("127.1")).description == "127.0.0.1")
    #expect(IPAddress(bytes: [1, 2, 3]) == nil)
  }

  @Test("The policy allows public addresses and the feed's own endpoint, nothing else")
  func policy() throws {
    let loopback = try #require(IPAddress("127.0.0.1"))
    let home = Endpoint(address: loopback, port: 8080)
    let policy = AddressPolicy(purpose: "article page", home: home)
    #expect(policy.allows(Endpoint(address: try #require(IPAddress("93.184.216.34")), port: 80)))
    #expect(policy.allows(home))
    #expect(!policy.allows(Endpoint(address: loopback, port: 6379)))
    #expect(!policy.allows(Endpoint(address: try #require(IPAddress("127.0.0.2")), port: 8080)))
    #expect(!AddressPolicy(purpose: "article page").allows(home))
  }

  @Test("A refusal says what, where, which kind of address, and the key that allows it")
  func message() {
    let refusal = AddressRefusal(
      purpose: "article page", url: "http://news.example.org/a", address: "127.0.0.1",
      scope: .loopback)
    #expect(
      refusal.description
        == "article page http://news.example.org/a resolves to 127.0.0.1, a loopback address; "
        + "not fetched (fetch.allow_private_addresses)")
    #expect(FetchError.addressRefused(refusal).kind == "fetch.address-refused")
  }

  @Test("Proxy settings: an explicit proxy or the variables libcurl reads")
  func proxies() {
    let plain = FetchSettings()
    #expect(!plain.mayUseProxy(environment: [:]))
    #expect(!plain.mayUseProxy(environment: ["HTTP_PROXY": "http://proxy:3128"]))
    #expect(plain.mayUseProxy(environment: ["http_proxy": "http://proxy:3128"]))
    #expect(plain.mayUseProxy(environment: ["HTTPS_PROXY": "http://proxy:3128"]))
    #expect(!plain.mayUseProxy(environment: ["all_proxy": "http://p:1", "no_proxy": "*"]))
    #expect(FetchSettings(proxy: "http://proxy:3128").mayUseProxy(environment: [:]))
    #expect(!FetchSettings(proxy: "").mayUseProxy(environment: ["http_proxy": "http://p:1"]))
  }
}

/// The policy on live transfers: two loopback servers, one standing in for the feed's own
/// server (`home`), the other for a service on the same machine that publishers must not reach.
/// libcurl's resolve override gives them public-looking names, which must not fool the check.
@Suite("Addresses: the policy on live transfers")
struct AddressPolicyLiveTests {
  let home: LoopbackHTTPServer
  let other: LoopbackHTTPServer
  let engine: CurlEngine

  init() throws {
    home = try LoopbackHTTPServer()
    other = try LoopbackHTTPServer()
    engine = CurlEngine(settings: Self.settings(home: home, other: other))
    for server in [home, other] {
      server.route("/page") { _ in .text("<html>page</html>", contentType: "text/html") }
    }
  }

  static func settings(
    home: LoopbackHTTPServer, other: LoopbackHTTPServer, allowPrivate: Bool = false
  ) -> FetchSettings {
    FetchSettings(
      connectTimeout: .seconds(2), allowPrivateAddresses: allowPrivate,
      resolve: [
        "news.example.org:\(home.port):127.0.0.1", "other.example.org:\(other.port):127.0.0.1",
      ])
  }

  var homeEndpoint: Endpoint { Endpoint(address: IPAddress("127.0.0.1")!, port: Int(home.port)) }

  func policy(home: Endpoint? = nil) -> AddressPolicy {
    AddressPolicy(purpose: "article page", home: home)
  }

  func refusal(_ url: String, policy: AddressPolicy) async -> AddressRefusal? {
    do {
      let response = try await engine.fetch(FetchRequest(url: url, addressPolicy: policy))
      Issue.record("\(url) was fetched: HTTP \(response.status)")
      return nil
    } catch FetchError.addressRefused(let refusal) {
      return refusal
    } catch {
      Issue.record("\(url) failed otherwise: \(error)")
      return nil
    }
  }

  @Test("A name that resolves to 127.0.0.1 is refused before any connection is made")
  func nameResolvingToLoopback() async throws {
    let url = "http://other.example.org:\(other.port)/page"
    let refused = try #require(await refusal(url, policy: policy(home: homeEndpoint)))
    #expect(refused.address == "127.0.0.1" && refused.scope == .loopback)
    #expect(
      refused.description
        == "article page \(url) resolves to 127.0.0.1, a loopback address; not fetched "
        + "(fetch.allow_private_addresses)")
    #expect(other.acceptedConnections == 0)
    #expect(other.requests(to: "/page").isEmpty)
  }

  @Test("The feed's own server may be reached, under its address or its name; its other ports not")
  func homeEndpointOnly() async throws {
    for url in [home.url("/page"), "http://news.example.org:\(home.port)/page"] {
      let response = try await engine.fetch(
        FetchRequest(url: url, addressPolicy: policy(home: homeEndpoint)))
      #expect(response.status == 200)
      #expect(response.origin == homeEndpoint)
    }
    #expect(home.requests(to: "/page").count == 2)
    _ = try #require(await refusal(other.url("/page"), policy: policy(home: homeEndpoint)))
    _ = try #require(await refusal(home.url("/page"), policy: policy()))
    #expect(other.acceptedConnections == 0)
  }

  @Test("A redirect from the feed's server to another loopback server is refused at that hop")
  func redirectHop() async throws {
    let target = "http://other.example.org:\(other.port)/page"
    home.route("/go") { _ in .init(status: 302, headers: [("Location", target)]) }
    let refused = try #require(
      await refusal(home.url("/go"), policy: policy(home: homeEndpoint)))
    #expect(refused.redirectedTo == target)
    #expect(refused.description.contains(", redirected to \(target), resolves to 127.0.0.1"))
    #expect(home.requests(to: "/go").count == 1)
    #expect(other.acceptedConnections == 0)
  }

  @Test("A pooled connection opened for the operator's own URL is not reused by a publisher's")
  func reusedConnection() async throws {
    // The operator's URL (no policy) leaves a connection to the other server in the pool …
    #expect(try await engine.fetch(FetchRequest(url: other.url("/page"))).status == 200)
    #expect(other.acceptedConnections == 1)
    // … which the socket callback never sees again; the request is refused before it is sent.
    let refused = try #require(await refusal(other.url("/page"), policy: policy()))
    #expect(refused.scope == .loopback)
    #expect(other.requests(to: "/page").count == 1)
  }

  @Test(
    "Link-local, IPv4-mapped, unspecified and numeric forms are refused without a connection",
    arguments: [
      ("http://169.254.169.254/latest/meta-data/", AddressScope.linkLocal, "169.254.169.254"),
      ("http://[::ffff:127.0.0.1]:PORT/page", .loopback, "::ffff:127.0.0.1"),
      ("http://[::ffff:169.254.169.254]/latest/", .linkLocal, "::ffff:169.254.169.254"),
      ("http://0.0.0.0:PORT/page", .unspecified, "0.0.0.0"),
      ("http://2130706433:PORT/page", .loopback, "127.0.0.1"),
      ("http://[::1]:PORT/page", .loopback, "::1"),
    ] as [(String, AddressScope, String)])
  func refusedForms(url: String, scope: AddressScope, address: String) async throws {
    let url = url.replacingOccurrences(of: "PORT", with: "\(other.port)")
    let refused = try #require(await refusal(url, policy: policy(home: homeEndpoint)))
    #expect(refused.scope == scope && refused.address == address)
    #expect(other.acceptedConnections == 0)
  }

  @Test("fetch.allow_private_addresses lets publishers' URLs reach any address")
  func allowed() async throws {
    let open = CurlEngine(settings: Self.settings(home: home, other: other, allowPrivate: true))
    defer { open.shutdown() }
    let response = try await open.fetch(
      FetchRequest(url: "http://other.example.org:\(other.port)/page", addressPolicy: policy()))
    #expect(response.status == 200)
    #expect(other.requests(to: "/page").count == 1)
  }

  @Test("A publisher's URL is never read from a file, whatever the settings")
  func noFiles() async throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("<rss version=\"2.0\"/>", to: "feed.xml")
    let open = CurlEngine(settings: Self.settings(home: home, other: other, allowPrivate: true))
    defer { open.shutdown() }
    await #expect(throws: FetchError.unsupportedScheme(file.absoluteString)) {
      try await open.fetch(FetchRequest(url: file.absoluteString, addressPolicy: policy()))
    }
    // The operator's own file URL still works.
    #expect(try await open.fetch(FetchRequest(url: file.absoluteString)).status == 200)
  }

  @Test("Every request records where it went; the first is the origin")
  func endpoints() async throws {
    home.route("/hop") { _ in .init(status: 301, headers: [("Location", "/page")]) }
    let response = try await engine.fetch(FetchRequest(url: home.url("/hop")))
    #expect(response.endpoints == [homeEndpoint, homeEndpoint])
    #expect(response.origin == homeEndpoint)
    #expect(response.requestedURL == home.url("/hop"))
  }
}
