import KazazModel
import Testing

@Suite("Canonical URLs: one form for the same article")
struct CanonicalURLTests {
  @Test("Scheme, host case, www., default port, fragment, trailing slash and trackers go")
  func variants() {
    let canonical = "https://trend.az/business/4012345.html?id=7"
    for variant in [
      "https://trend.az/business/4012345.html?id=7",
      "http://www.Trend.AZ/business/4012345.html?id=7#comments",
      "  https://trend.az:443/business/4012345.html/?utm_source=rss&id=7&fbclid=abc\n",
      "https://trend.az/business/4012345.html?yclid=1&id=7&utm_medium=feed",
    ] {
      #expect(CanonicalURL.make(variant) == canonical, "\(variant)")
    }
  }

  @Test("What differs stays different: path, meaningful parameters, non-default ports")
  func differences() {
    #expect(
      CanonicalURL.make("https://kazinform.kz/a?id=1")
        != CanonicalURL.make("https://kazinform.kz/a?id=2"))
    #expect(CanonicalURL.make("http://127.0.0.1:8080/a") == "https://127.0.0.1:8080/a")
    #expect(
      CanonicalURL.make("https://kazinform.kz/ru/a")
        != CanonicalURL.make("https://kazinform.kz/kz/a"))
  }

  @Test("Other schemes are kept as they are; nothing gives nothing")
  func others() {
    #expect(CanonicalURL.make("urn:uuid:1225c695") == "urn:uuid:1225c695")
    #expect(CanonicalURL.make(nil) == nil)
    #expect(CanonicalURL.make("") == nil)
  }
}
