import Foundation
import Testing

@testable import KazazText

@Suite("One charset decision for every text the program reads")
struct CharsetTests {
  static let russian = "Казахстан и Азербайджан подписали соглашение о сотрудничестве"

  func encoded(_ text: String, _ encoding: String.Encoding) throws -> Data {
    try #require(text.data(using: encoding))
  }

  /// `text` in a single-byte encoding, through the inverse of the decoder's table.
  func singleByte(_ text: String, _ encoding: String) throws -> Data {
    let table = try #require(SingleByteDecoder.table(for: encoding))
    var inverse: [String: UInt8] = [:]
    for byte in 0x80...0xFF {
      let decoded = String(
        decoding: SingleByteDecoder.decode(Data([UInt8(byte)]), with: table).0, as: UTF8.self)
      inverse[decoded] = UInt8(byte)
    }
    var data = Data()
    for character in text {
      if let ascii = character.asciiValue {
        data.append(ascii)
      } else {
        data.append(try #require(inverse[String(character)]))
      }
    }
    return data
  }

  @Test("Valid UTF-8 is UTF-8, with or without a UTF-8 label")
  func utf8() {
    let data = Data(Self.russian.utf8)
    for label in [nil, "", "utf-8", "UTF8"] {
      #expect(
        Charset.resolve(label: label, data: data)
          == .init(encoding: Charset.utf8, contradictsLabel: false))
    }
    #expect(Charset.decode(Data([0xEF, 0xBB, 0xBF]) + data) == Self.russian)
  }

  @Test("Bytes that contradict a UTF-8 label, or no label, are told apart: 1251, KOI8-R, 1252")
  func singleByte() throws {
    let cp1251 = try encoded(Self.russian, .windowsCP1251)
    #expect(Charset.resolve(label: "utf-8", data: cp1251).encoding == "windows-1251")
    #expect(Charset.resolve(label: "utf-8", data: cp1251).contradictsLabel)
    #expect(Charset.decode(cp1251) == Self.russian)
    let koi8 = try singleByte(Self.russian, "KOI8-R")
    #expect(Charset.resolve(label: nil, data: koi8).encoding == "KOI8-R")
    #expect(Charset.decode(koi8) == Self.russian)
    let latin = try singleByte(
      "Präsident Müller über die Gespräche in Baku, à São Paulo", "windows-1252")
    #expect(Charset.resolve(label: nil, data: latin).encoding == "windows-1252")
  }

  @Test("UTF-8 with a stray byte is UTF-8, the byte replaced; Cyrillic single-byte text is not")
  func nearlyUTF8() throws {
    let text = String(repeating: "Zażółć gęślą jaźń, pisał Müller. ", count: 4)
    var data = Data(text.utf8)
    data.insert(0xC3, at: 10)  // a lead byte without its continuation
    #expect(!Charset.isValidUTF8(data))
    #expect(Charset.resolve(label: "utf-8", data: data).encoding == Charset.utf8)
    #expect(Charset.resolve(label: nil, data: data).contradictsLabel)
    #expect(String(decoding: Charset.repairedUTF8(data), as: UTF8.self).contains("\u{FFFD}"))
    let cp1251 = try encoded(Self.russian + " Всё ещё идёт.", .windowsCP1251)
    #expect(Charset.resolve(label: "utf-8", data: cp1251).encoding == "windows-1251")
    var halfBroken = Data(String(repeating: "gęślą ", count: 4).utf8)
    halfBroken.append(contentsOf: [0xB3, 0xB9, 0xE6, 0x20, 0xB3, 0xB9])
    #expect(Charset.resolve(label: nil, data: halfBroken).encoding != Charset.utf8)
  }

  @Test("Another label is followed as given")
  func otherLabel() {
    #expect(
      Charset.resolve(label: "ISO-8859-5", data: Data([0xB0, 0xB1]))
        == .init(encoding: "ISO-8859-5", contradictsLabel: false))
  }

  @Test("A byte the encoding leaves undefined becomes U+FFFD, the rest survives")
  func undefinedByte() throws {
    var data = try encoded("Баку", .windowsCP1251)
    #expect(!data.isEmpty)
    data.append(0x98)  // undefined in windows-1251
    data.append(contentsOf: try encoded(" Астана", .windowsCP1251))
    #expect(Charset.decode(data, label: "windows-1251") == "Баку\u{FFFD} Астана")
  }
}

@Suite("JSON string escaping")
struct JSONStringTests {
  @Test("Quotes, backslashes and C0 controls are escaped; everything else is kept")
  func escaping() throws {
    let text = "a\"b\\c\nd\re\tf\u{1}g\u{1F}h\u{7F}ü Баку \u{202E}"
    let quoted = JSONString.quoted(text)
    #expect(quoted == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\u{7F}ü Баку \u{202E}\"")
    let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
    #expect(decoded == text)
  }

  @Test("Long runs without escapes and escapes at every offset of the eight-byte scan")
  func offsets() throws {
    for offset in 0..<20 {
      let text = String(repeating: "x", count: offset) + "\"" + String(repeating: "y", count: 9)
      let decoded = try JSONDecoder().decode(
        String.self, from: Data(JSONString.quoted(text).utf8))
      #expect(decoded == text)
    }
  }
}
