import Foundation
import Testing

@testable import KazazParse

@Suite("Reader building blocks")
struct ReaderInternalsTests {
  @Test("A byte buffer appends pointers, bytes and repeats, grows, and clears keeping storage")
  func byteBuffer() {
    let buffer = ByteBuffer(capacity: 4)
    let text = Array("Қазақстан".utf8)
    text.withUnsafeBufferPointer { buffer.append($0) }
    buffer.append(0x20)
    buffer.append(repeating: 0x2D, count: 3)
    #expect(buffer.withUnsafeBufferPointer { Array($0) } == text + [0x20, 0x2D, 0x2D, 0x2D])
    buffer.removeAll()
    #expect(buffer.count == 0)
    buffer.append(0x41)
    #expect(buffer.withUnsafeBufferPointer { Array($0) } == [0x41])
  }

  @Test("Every adapter field maps to its path and back; other paths are other")
  func fields() {
    for field in RawField.allCases where field != .other {
      #expect(RawField(path: field.path) == field)
    }
    #expect(RawField(path: "media:group/media:title") == .mediaGroupTitle)
    #expect(RawField(path: "itunes:summary") == .other)
    #expect(RawField(path: "?/atom:name") == .other)
  }

  @Test("Attributes keep the last of repeated names and answer by name")
  func attributes() {
    var attributes = RawAttributes(pairs: [("url", "a"), ("type", "image/jpeg")])
    #expect(attributes["url"] == "a")
    #expect(attributes["length"] == nil)
    attributes["url"] = "b"
    #expect(attributes["url"] == "b")
    attributes["url"] = nil
    #expect(attributes["url"] == nil)
    #expect(!attributes.isEmpty)
  }

  @Test("The name table returns what was cached for the same pointers only, and grows")
  func nameTable() {
    var table = XMLNameTable()
    let strings = (0..<600).map { strdup("name\($0)")! }
    defer { strings.forEach { free($0) } }
    for (index, pointer) in strings.enumerated() {
      let name = table.insert(
        "n\(index)", local: UnsafeRawPointer(pointer), uri: nil, isAttribute: index % 2 == 0)
      #expect(name.id == index)
    }
    for (index, pointer) in strings.enumerated() {
      let found = table.lookup(
        local: UnsafeRawPointer(pointer), uri: nil, isAttribute: index % 2 == 0)
      #expect(found?.string == "n\(index)")
      #expect(
        table.lookup(local: UnsafeRawPointer(pointer), uri: nil, isAttribute: index % 2 != 0) == nil
      )
    }
    #expect(XMLNameTable.Name("atom:entry", id: 0).isItem)
    #expect(XMLNameTable.Name("xhtml:script", id: 0).hidesText)
    #expect(!XMLNameTable.Name("title", id: 0).isItem)
  }

  @Test("The tag table knows block and dropped elements in any case, and nothing else")
  func tagTable() {
    for name in HTMLText.blockElements {
      #expect(HTMLText.tags.kind(of: HTMLText.tagKey(name.uppercased())) == .block)
    }
    for name in HTMLText.droppedElements {
      #expect(HTMLText.tags.kind(of: HTMLText.tagKey(name)) == .dropped)
    }
    for name in ["b", "a", "img", "span", "strong", "paragraph", "verylongtagname"] {
      #expect(HTMLText.tags.kind(of: HTMLText.tagKey(name)) == .inline)
    }
  }

  @Test("Raw item copies own their text")
  func itemCopy() {
    var item = RawItem()
    Array("title".utf8).withUnsafeBufferPointer { item.text.append($0) }
    item.append(RawElement(field: .title, range: 0..<5, attributes: RawAttributes()))
    let copy = item.copy()
    item.reset(base: nil, about: nil)
    #expect(copy.text(.title) == "title")
    #expect(copy.first(.title)?.range == 0..<5)
    #expect(item.first(.title) == nil)
  }
}
