import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

/// Articles whose headline is missing or not on the first line: the headline is found where one
/// reads like it, and an article without one still has a lead.
@Suite("Headline and lead")
struct HeadlineTests {
  @Test("A first line with text is the headline, whatever its shape")
  func firstLine() {
    let split = Classifier.splitTitle("Astana talks.\n\nThe sides met.")
    #expect(split.title == "Astana talks.")
    #expect(split.body == "\nThe sides met.")
  }

  @Test(
    "After an empty first line, blank lines are skipped and a short headline-like line is used",
    arguments: [
      "\nKazakhstan and Azerbaijan agree on oil transit\n\nBAKU, May 2. The sides signed.",
      "\n\n \t\nKazakhstan and Azerbaijan agree on oil transit\nThe sides signed.",
      "\r\n\r\nKazakhstan and Azerbaijan agree on oil transit\r\nThe sides signed.",
      "\u{FEFF}\n\u{200B}\nKazakhstan and Azerbaijan agree on oil transit\nThe sides signed.",
    ])
  func headlineAfterEmptyLine(text: String) {
    let split = Classifier.splitTitle(text)
    #expect(split.title == "Kazakhstan and Azerbaijan agree on oil transit")
    #expect(split.body.contains("The sides signed."))
    #expect(!split.body.contains("agree on oil transit"))
  }

  @Test(
    "Quoted and questioning headlines read as headlines",
    arguments: [
      "Токаев: Казахстан и Азербайджан остаются стратегическими партнёрами",
      "«Средний коридор» готов к росту грузов?",
      "2025 год станет годом транзита для Актау и Баку",
    ])
  func headlineShapes(line: String) {
    #expect(ArticleHeadline.looksLikeHeadline(line[...]))
    #expect(Classifier.splitTitle("\n\(line)\nТекст статьи.").title == line)
  }

  @Test(
    "Body text, bylines, dates, datelines and lower-case lines are not headlines",
    arguments: [
      "Министр обороны Казахстана встретился с азербайджанским коллегой в Астане.",
      "The ministers met in Baku. They signed a memorandum on transit",
      "Автор: Лейла Таривердиева",
      "Photo: Akorda press service",
      "8 мая 17:05",
      "BAKU, Azerbaijan, May 2 — the ministers met",
      "the ministers met in Baku and signed a memorandum",
      "Kazakhstan and Azerbaijan agreed to expand the transit of oil…",
      String(repeating: "Kazakhstan and Azerbaijan ", count: 10),
    ])
  func notHeadlines(line: String) {
    #expect(!ArticleHeadline.looksLikeHeadline(line[...]))
    let split = Classifier.splitTitle("\n\n\(line)\nMore text.")
    #expect(split.title == "")
    #expect(split.body == "\(line)\nMore text.")
  }

  @Test("A headline-like line with nothing after it is the body, not a headline")
  func headlineWithoutBody() {
    #expect(Classifier.splitTitle("\nKazakhstan and Azerbaijan sign a deal\n").title == "")
    #expect(Classifier.splitTitle("\n\n \n") == ("", ""))
  }

  let classifier = ShippedProfile.classifier

  @Test("The headline found after an empty first line weighs as a headline")
  func headlineWeight() throws {
    let classifier = try self.classifier.get()
    let text = """

      Казахстан и Азербайджан расширят транзит нефти

      Стороны обсудили поставки через Баку и Актау. Переговоры продолжатся осенью.
      """
    let result = classifier.classify(text: text)
    #expect(result.evidence.contains { $0.kind == .kazakhstan && $0.region == .title })
    #expect(result.evidence.contains { $0.kind == .azerbaijan && $0.region == .title })
    #expect(result.relevant)
    // The same article with its headline on the first line reads the same.
    #expect(
      result
        == classifier.classify(
          text: "Казахстан и Азербайджан расширят транзит нефти\n\n"
            + "Стороны обсудили поставки через Баку и Актау. Переговоры продолжатся осенью."))
  }

  @Test("Without a headline, the first sentences of the body are the lead, the rest is body")
  func leadWithoutHeadline() throws {
    let classifier = try self.classifier.get()
    let opening =
      "\n\nМинистры энергетики Казахстана и Азербайджана подписали соглашение о транзите нефти."
    let filler = String(
      repeating: " Погода в регионе остаётся тёплой, дожди не ожидаются до конца недели.",
      count: 6)
    let text = opening + filler + " Казахстан и Азербайджан продолжат переговоры."
    let result = classifier.classify(text: text)
    #expect(!result.evidence.contains { $0.region == .title })
    let kazakhstan = result.evidence.filter { $0.kind == .kazakhstan }
    #expect(kazakhstan.contains { $0.region == .lead })
    #expect(kazakhstan.contains { $0.region == .body })
    let lead = NormalizedDocument(title: "", body: Classifier.splitTitle(text).body).sentences
    #expect(lead.first?.region == .lead)
  }
}
