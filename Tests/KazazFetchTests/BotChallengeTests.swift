import Foundation
import Testing

@testable import KazazFetch

/// Challenge pages of bot protection services told apart from ordinary errors and feeds, on
/// headers and the first bytes of the body only.
@Suite("Bot protection challenges")
struct BotChallengeTests {
  func response(
    _ status: Int, _ body: String, type: String? = "text/html; charset=utf-8",
    headers: [(String, String)] = []
  ) -> FetchResponse {
    var all = headers.map { ($0.0.lowercased(), $0.1) }
    if let type { all.append(("content-type", type)) }
    return FetchResponse(
      status: status, headers: all, body: Data(body.utf8),
      effectiveURL: "https://news.example/rss", redirectCount: 0)
  }

  static let cloudflarePage = """
    <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
    <meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper">
    <script>(function(){window._cf_chl_opt={cvId: '3',cType: 'managed'};}());</script>
    </div></body></html>
    """

  @Test(
    "Markers of protection services, each named",
    arguments: [
      (403, cloudflarePage, "Cloudflare challenge"),
      (503, "<html><head><title>Just a moment...</title></head></html>", "Cloudflare challenge"),
      (
        403, "<html><title>Attention Required! | Cloudflare</title><body>blocked</body></html>",
        "Cloudflare block page"
      ),
      (
        403, "<html><head><title>DDoS-Guard</title></head><body>Checking</body></html>",
        "DDoS-Guard"
      ),
      (
        429, "<html><body><form><div class=\"g-recaptcha\" data-sitekey=\"x\"></div></form>",
        "captcha"
      ),
      (503, "<html><body><script src=\"/__qrator/qauth.js\"></script></body></html>", "Qrator"),
      (
        403, "<html><body>Please enable JavaScript and cookies to continue</body></html>",
        "browser check"
      ),
      // Some services answer 200 with their challenge: only technical markers count then.
      (
        200, "<html><script src=\"/.well-known/ddos-guard/js-challenge/index.js\"></script></html>",
        "DDoS-Guard"
      ),
      (
        200,
        "<html><script src=\"https://challenges.cloudflare.com/turnstile/v0/api.js\"></script>",
        "Cloudflare challenge"
      ),
    ])
  func markers(status: Int, body: String, marker: String) throws {
    let challenge = try #require(response(status, body).botChallenge)
    #expect(challenge == BotChallenge(marker: marker, status: status))
  }

  @Test("Cloudflare's own header is enough, whatever the body")
  func mitigatedHeader() {
    let blocked = response(403, "", type: nil, headers: [("cf-mitigated", "challenge")])
    #expect(blocked.botChallenge?.marker == "Cloudflare challenge")
    #expect(
      blocked.botChallenge?.description
        == "blocked by the site's bot protection (Cloudflare challenge, HTTP 403)")
  }

  @Test(
    "Ordinary errors, feeds and pages are not challenges",
    arguments: [
      (403, "<html><body><h1>403 Forbidden</h1>nginx</body></html>", "text/html" as String?),
      (403, "{\"error\": \"forbidden\", \"detail\": \"just a moment...\"}", "application/json"),
      (404, "<html><body><div class=\"g-recaptcha\"></div>Not found</body></html>", "text/html"),
      (500, cloudflarePage, "text/html"),
      // A home page at a feed's address with a captcha in its comment form, or naming a service.
      (
        200, "<html><body><div class=\"g-recaptcha\"></div>StormWall reports attacks</body></html>",
        "text/html"
      ),
      (
        200, "<rss version=\"2.0\"><channel><title>Just a moment...</title></channel></rss>",
        "application/rss+xml"
      ),
      (503, "Service Unavailable: DDoS-Guard maintenance", "text/plain"),
    ])
  func ordinary(status: Int, body: String, type: String?) {
    #expect(response(status, body, type: type).botChallenge == nil)
  }

  @Test("Without a Content-Type, the body must start as HTML")
  func undeclaredType() {
    #expect(response(403, "  <!DOCTYPE html>" + Self.cloudflarePage, type: nil).botChallenge != nil)
    #expect(response(403, "cf-chl in plain text", type: nil).botChallenge == nil)
  }

  @Test("Only the first 8 KiB are read")
  func firstBytesOnly() {
    let padding = "<html><body>" + String(repeating: "<p>news</p>", count: 1_000)
    #expect(padding.utf8.count > BotChallenge.inspectedBytes)
    #expect(response(403, padding + "<script>cf-chl</script>").botChallenge == nil)
    #expect(response(403, "<html>cf-chl" + padding).botChallenge != nil)
  }
}

/// The identity every request carries.
@Suite("Request identity")
struct RequestIdentityTests {
  @Test(
    "Accept-Language: the feed's language, then Russian and English",
    arguments: [
      ("kk" as String?, "kk, ru;q=0.9, en;q=0.8"), ("az", "az, ru;q=0.9, en;q=0.8"),
      ("ru", "ru, en;q=0.8"), ("en", "en, ru;q=0.9"), ("ru-RU", "ru-ru, en;q=0.8"),
      ("AZ-Latn", "az-latn, ru;q=0.9, en;q=0.8"), (nil, "ru;q=0.9, en;q=0.8"),
      ("kk\r\nX-Evil: 1", "ru;q=0.9, en;q=0.8"), ("k", "ru;q=0.9, en;q=0.8"),
      ("english", "ru;q=0.9, en;q=0.8"),
    ])
  func acceptLanguage(language: String?, header: String) {
    #expect(AcceptLanguage.header(for: language) == header)
  }

  @Test("User-Agent: product, version and the contact page, or the project's page")
  func userAgent() {
    #expect(
      FetchSettings.defaultUserAgent
        == "kazaz-monitor/\(KazazVersion.current) (+\(KazazVersion.homepage))")
    #expect(
      FetchSettings.userAgent(contact: "https://desk.example.org/feeds")
        == "kazaz-monitor/\(KazazVersion.current) (+https://desk.example.org/feeds)")
  }
}
