import Foundation
import KazazFetch

/// Reads a web page from a file, or fetches it as the daemon fetches article pages: the same
/// engine and limits, under the address policy (`AddressPolicy`, purpose "article page").
final class PageLoader {
  struct Page {
    var data: Data
    /// The final URL after redirects; nil for files.
    var url: String?
    /// The charset the server named.
    var charset: String?
  }

  struct Failure: Error {
    /// A short machine-readable kind: "unreadable", "fetch", "http", "not-html".
    var kind: String
    var message: String
  }

  private let settings: FetchSettings
  private var engine: CurlEngine?

  init(settings: FetchSettings) {
    self.settings = settings
  }

  func load(_ source: String) async throws -> Page {
    let lower = source.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
      do {
        return Page(data: try Data(contentsOf: URL(fileURLWithPath: source)))
      } catch {
        throw Failure(kind: "unreadable", message: "cannot read the file")
      }
    }
    let engine = self.engine ?? CurlEngine(settings: settings)
    self.engine = engine
    let response: FetchResponse
    do {
      response = try await engine.fetch(
        FetchRequest(url: source, addressPolicy: AddressPolicy(purpose: "article page")))
    } catch {
      throw Failure(kind: "fetch", message: (error as? FetchError)?.description ?? "\(error)")
    }
    guard (200..<300).contains(response.status) else {
      throw Failure(kind: "http", message: "HTTP \(response.status)")
    }
    let type = response.header("content-type")?.lowercased() ?? "text/html"
    guard type.contains("html") || type.contains("xml") || type.hasPrefix("text/") else {
      throw Failure(kind: "not-html", message: "not an HTML page (\(type))")
    }
    return Page(data: response.body, url: response.effectiveURL, charset: response.charset)
  }

  func shutdown() {
    engine?.shutdown()
  }
}

extension PageLoader.Page {
  init(data: Data) {
    self.init(data: data, url: nil, charset: nil)
  }
}
