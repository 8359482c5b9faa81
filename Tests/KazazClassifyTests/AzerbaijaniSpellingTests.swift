import KazazModel
import KazazText
import Testing

@testable import KazazClassify

/// Azerbaijani as it is written: in the Cyrillic alphabet it was written in until 1991, which
/// reads as the same text in the Latin alphabet (transliterated letter by letter, then classified
/// against the profile's Azerbaijani terms), and with "Qazaxstan", the older spelling of
/// Kazakhstan's name without ı, which names the same side as "Qazaxıstan".
@Suite("Azerbaijani spellings")
struct AzerbaijaniSpellingTests {
  @Test(
    "Each Cyrillic word has its Latin spelling",
    arguments: [
      ("Азәрбајҹан вә Газахыстан", "Azərbaycan və Qazaxıstan"),
      ("Илһам Әлијев", "İlham Əliyev"), ("Ҝүрҹүстан", "Gürcüstan"),
      ("нәглијјат әмәкдашлығы", "nəqliyyat əməkdaşlığı"),
      ("2026-ҹы илдә 40% артым", "2026-cı ildə 40% artım"),
      ("Москва вә Ташкент", "Moskva və Taşkent"), ("Цемент, Ялта", "Tsement, Yalta"),
    ])
  func transliteration(_ cyrillic: String, _ latin: String) {
    #expect(AzerbaijaniCyrillic.latin(cyrillic) == latin)
  }

  @Test("Only the alphabet's own letters (ҹ, ҝ, ј), at least two of them, mark the text")
  func detection() {
    #expect(AzerbaijaniCyrillic.isWritten(in: "Азәрбајҹан вә Газахыстан"))
    #expect(!AzerbaijaniCyrillic.isWritten(in: "Қазақстан мен Әзірбайжан ынтымақтастығы"))
    #expect(!AzerbaijaniCyrillic.isWritten(in: "Казахстан и Азербайджан расширяют сотрудничество"))
    #expect(!AzerbaijaniCyrillic.isWritten(in: "Новак Ђоковић и Јелена"))
  }

  @Test("A story in Azerbaijani Cyrillic is classified as the same story in Latin letters")
  func sameVerdictAsLatin() throws {
    let classifier = try ShippedProfile.classifier.get()
    let cyrillic = classifier.classify(
      title: "Азәрбајҹан вә Газахыстан нәглијјат әмәкдашлығыны ҝенишләндирир",
      body:
        "Азәрбајҹан Президенти Илһам Әлијев вә Газахыстан Президенти Гасым-Жомарт Токајев "
        + "Бакыда ики өлкә арасында нәглијјат вә енерји саһәсиндә әмәкдашлығы мүзакирә едибләр. "
        + "Тәрәфләр Трансхәзәр бејнәлхалг нәглијјат маршруту үзрә јүкдашымаларын артырылмасыны "
        + "вә Актау вә Бакы лиманлары арасында јени бәрә хәттинин ачылмасыны мүзакирә едибләр.")
    let latin = classifier.classify(
      title: "Azərbaycan və Qazaxıstan nəqliyyat əməkdaşlığını genişləndirir",
      body:
        "Azərbaycan Prezidenti İlham Əliyev və Qazaxıstan Prezidenti Qasım-Jomart Tokayev "
        + "Bakıda iki ölkə arasında nəqliyyat və enerji sahəsində əməkdaşlığı müzakirə ediblər. "
        + "Tərəflər Transxəzər beynəlxalq nəqliyyat marşrutu üzrə yükdaşımaların artırılmasını "
        + "və Aktau və Bakı limanları arasında yeni bərə xəttinin açılmasını müzakirə ediblər.")
    #expect(cyrillic.relevant)
    #expect(cyrillic.language == .az)
    #expect(cyrillic.score == latin.score)
    #expect(cyrillic.topics == latin.topics)
    #expect(cyrillic.topics.contains(TopicID(rawValue: "transport-logistics")))
  }

  @Test("'Qazaxstan', without ı, names Kazakhstan as 'Qazaxıstan' does")
  func olderSpelling() throws {
    let classifier = try ShippedProfile.classifier.get()
    func story(_ name: String) -> Classification {
      classifier.classify(
        title: "Azərbaycan-\(name) hökumətlərarası komissiyasının iclası keçirilib",
        body:
          "Bakıda Azərbaycan-\(name) hökumətlərarası komissiyasının növbəti iclası keçirilib. "
          + "\(name) və Azərbaycan energetika nazirləri neft nəqli və nəqliyyat sahəsində "
          + "əməkdaşlığı müzakirə edib, iclasın protokolunu imzalayıblar.")
    }
    let older = story("Qazaxstan")
    let current = story("Qazaxıstan")
    #expect(older.relevant, "score \(older.score)")
    #expect(older.score == current.score)
    #expect(older.topics == current.topics)
  }
}
