// libFuzzer entry point over HTTP response interpretation and poll scheduling, built by
// bench/fuzz/run.sh (never by SwiftPM). PollPlanner.swift is compiled in (see `sources`).
//
// The input is read as lines. A line starting with `@` sets a number or URL the exchange
// comes with; every other line is a header line exactly as libcurl hands it over (status
// lines included, so a fuzzed input is a whole redirect chain):
//
//   @interval 900        configured interval, seconds       @failures 3   failures before
//   @unchanged 7         unchanged polls before             @ttl 60       <ttl>, minutes
//   @jitter -0.4         jitter                             @changed      the poll brought items
//   @now 1764000000      the poll's time                    @url URL      the URL asked for
//   @endpoint ADDR PORT  where a request went (in order)    @effective URL  the final URL
//   @home ADDR PORT      the feed's own server, for the address policy
//   HTTP/1.1 301 Moved   Location: https://…   Cache-Control: max-age=60   Retry-After: 120 …
//
// Every interpretation runs on what the lines produce, and their promises are checked: delays
// clamp, validators carry no control character, a stored move never downgrades, a plan lies
// within a year of the poll. A broken promise traps, which libFuzzer reports as a crash.
import Foundation

@testable import KazazFetch

/// The exchange described by one input.
private struct Exchange {
  var interval: Duration = .seconds(900)
  var failures = 0
  var unchanged = 0
  var ttlMinutes: Int?
  var jitter = 0.0
  var changed = false
  var now = Date(timeIntervalSince1970: 1_764_000_000)
  var url = "https://news.example.org/feed.xml"
  var effective: String?
  var endpoints: [Endpoint] = []
  var home: Endpoint?
  var headerLines: [Substring] = []

  init(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.first == "@" else {
        headerLines.append(line)
        continue
      }
      let words = line.dropFirst().split(separator: " ", maxSplits: 2)
      guard let key = words.first else { continue }
      let first = words.dropFirst().first.map(String.init) ?? ""
      let second = words.dropFirst(2).first.map(String.init) ?? ""
      switch key {
      case "interval": interval = .seconds(Int(first) ?? 900)
      case "failures": failures = Int(first) ?? 0
      case "unchanged": unchanged = Int(first) ?? 0
      case "ttl": ttlMinutes = Int(first)
      case "jitter": jitter = Double(first) ?? 0
      case "changed": changed = true
      case "now":
        // The clock is the machine's, not the publisher's: any time within 1970–2100.
        if let seconds = Double(first), seconds.isFinite {
          now = Date(timeIntervalSince1970: min(max(seconds, 0), 4_102_444_800))
        }
      case "url": url = first
      case "effective": effective = first
      case "endpoint", "home":
        guard let address = IPAddress(first) else { continue }
        let endpoint = Endpoint(address: address, port: Int(second) ?? 80)
        if key == "home" { home = endpoint } else { endpoints.append(endpoint) }
      default: continue
      }
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  let exchange = Exchange(text)

  // The header lines through the transfer's own reader: statuses, fields, the redirect chain.
  let request = FetchRequest(url: exchange.url)
  let transfer = CurlTransfer(id: 1, request: request, settings: FetchSettings())
  for line in exchange.headerLines {
    let bytes = Array(line.utf8) + [0x0D, 0x0A]
    bytes.withUnsafeBufferPointer { transfer.receiveHeaderLine(HeaderLine($0)) }
  }
  let response = FetchResponse(
    status: transfer.currentStatus, headers: transfer.headers, body: Data(),
    effectiveURL: exchange.effective ?? transfer.redirects.last?.location ?? exchange.url,
    redirectCount: transfer.redirects.count, redirects: transfer.redirects,
    requestedURL: exchange.url, endpoints: exchange.endpoints,
    origin: exchange.endpoints.first)

  // Delays from headers: never negative, never past the clamp.
  let limit = Duration.seconds(FetchResponse.maximumDelaySeconds)
  let retryAfter = response.retryAfter(now: exchange.now)
  let maxAge = response.cacheMaxAge
  for delay in [retryAfter, maxAge].compactMap({ $0 }) {
    precondition(delay >= .zero && delay <= limit, "delay out of bounds: \(delay)")
  }

  // Validators: what is kept may be sent back in a header line.
  for validator in [response.etag, response.lastModified].compactMap({ $0 }) {
    precondition(HTTPValidator.isSafe(validator))
    precondition(!validator.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
  }
  if let charset = response.charset { precondition(charset.utf8.count <= 40) }

  // Redirects: a stored move never leaves https, nor a public address for another kind.
  if let moved = response.permanentlyMovedTo {
    precondition(response.permanentMoveDowngrade == nil)
    if response.requestedURL.lowercased().hasPrefix("https:") {
      precondition(moved.lowercased().hasPrefix("https:"), "https downgraded to \(moved)")
    }
  }

  // Addresses in headers and redirect targets, as the policy would judge them.
  let policy = AddressPolicy(purpose: "article page", home: exchange.home)
  for (_, value) in response.headers {
    _ = HTTPValidator.isSafe(value)
    if let address = IPAddress(value) {
      // Printing and reading back an address gives the same address and the same scope.
      let again = IPAddress(address.description)
      precondition(again == address && again?.scope == address.scope)
      _ = policy.allows(Endpoint(address: address, port: 80))
    }
  }
  for redirect in response.redirects {
    if let endpoint = CurlTransfer.literalEndpoint(redirect.location) {
      precondition(
        policy.allows(endpoint) == (endpoint.address.scope.isPublic || endpoint == exchange.home))
    }
  }

  // The schedule computed from all of that, as the pipeline does.
  let status = response.status
  let observation = PollPlanner.Observation(
    status: status, failed: !(200..<300).contains(status) && status != 304,
    retryAfter: retryAfter, cacheMaxAge: maxAge, ttl: PollPlanner.ttl(minutes: exchange.ttlMinutes))
  let plan = PollPlanner().plan(
    observation: observation, interval: exchange.interval, failuresBefore: exchange.failures,
    unchangedBefore: exchange.unchanged, changed: exchange.changed, now: exchange.now,
    jitter: exchange.jitter)
  if status == 410 {
    precondition(plan.nextCheckAt == nil && plan.disabledReason != nil)
  } else {
    let next = plan.nextCheckAt.map { $0.timeIntervalSince(exchange.now) } ?? -1
    precondition(next >= 0 && next <= PollPlanner.seconds(PollPlanner.maximumDelay))
  }
  return 0
}
