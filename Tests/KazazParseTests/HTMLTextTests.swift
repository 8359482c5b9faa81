import Testing

@testable import KazazParse

@Suite("HTML to plain text")
struct HTMLTextTests {
  @Test(
    "Markup, references and white space",
    arguments: [
      (
        "<p>ASTANA. The <b>sides</b> met.</p><p>Second&nbsp;paragraph.</p>",
        "ASTANA. The sides met.\nSecond paragraph."
      ),
      ("Before<script>alert('x<p>')</script>after<style>p{}</style>!", "Beforeafter!"),
      ("<SCRIPT type=\"text/javascript\">var a = '</p>';</SCRIPT>Text", "Text"),
      ("a < b &amp; c > d", "a < b & c > d"),
      ("AT&T &unknown; &#1179;азақ &#x4D9; &#150; &#0;", "AT&T &unknown; қазақ ә – \u{FFFD}"),
      ("  many   spaces\tand\ttabs  ", "many spaces and tabs"),
      ("line<br>break<br/>twice<br /><br>end", "line\nbreak\ntwice\nend"),
      ("<!-- a comment <p> -->kept<![CDATA[ cdata ]]>", "kept cdata"),
      ("<a href=\"x?a=1&b=2\" title='>'>link</a> text", "link text"),
      ("unterminated <b", "unterminated"),
      ("«Казмунайгаз»&nbsp;&mdash; нефть", "«Казмунайгаз» — нефть"),
      ("Plain text\nwith a line break", "Plain text\nwith a line break"),
      ("", ""),
      // Numeric references to no character: surrogates, beyond U+10FFFF, endless digits.
      (
        "a&#xD800;b&#55296;c&#x110000;d&#99999999999999999999999999;e&#x"
          + String(repeating: "F", count: 1000) + ";f",
        "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f"
      ),
      ("&#x10FFFF;&#xFFFD;&#9;x", "\u{10FFFF}\u{FFFD} x"),
    ])
  func render(html: String, expected: String) {
    #expect(HTMLText.plainText(html) == expected)
  }

  @Test("Text that needs nothing is returned as is")
  func alreadyPlain() {
    let text = "Kazakhstan and Azerbaijan sign a deal"
    #expect(HTMLText.plainText(text) == text)
    var copy = text
    #expect(copy.withUTF8 { HTMLText.isAlreadyPlain($0) })
  }
}
