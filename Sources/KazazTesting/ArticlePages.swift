/// Article pages for tests that serve them on loopback.

/// A short article page in an agency layout: menus, the article, "most read", comments.
public func agencyPage(title: String, paragraphs: [String]) -> String {
  """
  <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title) | Agency</title>
  <meta property="og:title" content="\(title)">
  <meta property="article:published_time" content="2026-11-24T10:00:00+05:00">
  <meta name="author" content="Desk reporter"></head>
  <body><header><ul class="menu"><li><a href="/">Home</a></li><li><a href="/p">Politics</a></li></ul></header>
  <div class="article"><h1>\(title)</h1><div class="article-body">
  \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
  </div></div>
  <div class="most-read"><h3>Most read</h3><ul><li><a href="/x">Oil prices fall, tenge steady, markets wait</a></li></ul></div>
  <div class="comments"><p>Great news, finally the ferries, we waited for years, thank you.</p></div>
  <footer>© Agency</footer></body></html>
  """
}
