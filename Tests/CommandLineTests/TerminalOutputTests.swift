import Foundation
import KazazModel
import KazazTesting
import KazazText
import Testing

/// Feed text full of terminal controls, through `TerminalText` and through the real binary's
/// commands: what reaches the terminal carries no control byte, and JSON stays JSON.
@Suite("Terminal-safe output")
struct TerminalOutputTests {
  static let escape = "\u{1B}"

  @Test("controls are shown as escapes; tab always and line feed on request stay")
  func safeText() {
    let text =
      "\(Self.escape)[31mred\(Self.escape)[0m\t\u{7}\r\u{7F}\u{9B}2J\u{85}\u{202E}x\u{2066}y\n"
    #expect(
      TerminalText.safe(text)
        == "\\u{1B}[31mred\\u{1B}[0m\t\\u{7}\\u{D}\\u{7F}\\u{9B}2J\\u{85}\\u{202E}x\\u{2066}y\\u{A}"
    )
    #expect(TerminalText.safe("a\nb", keepingLineBreaks: true) == "a\nb")
    let plain = "Казахстан — Azərbaycan “talks” ½ ü"
    #expect(TerminalText.safe(plain) == plain)
    #expect(TerminalText.safe("") == "")
    // The neighbours of each range are left alone.
    #expect(
      TerminalText.safe("\u{A0}\u{2029}\u{202F}\u{2065}\u{206A}")
        == "\u{A0}\u{2029}\u{202F}\u{2065}\u{206A}")
  }

  @Test("JSON keeps its meaning: C1 and bidirectional controls become \\u escapes")
  func safeJSON() throws {
    let value = ["title": "a\u{9B}b\u{202E}c\(Self.escape)d\u{7F}"]
    let encoded = String(
      decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    let safe = TerminalText.safeJSON(encoded)
    #expect(!hasTerminalControls(Data(safe.utf8)))
    #expect(safe.contains("\\u009b") && safe.contains("\\u202e") && safe.contains("\\u007f"))
    let decoded = try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String]
    #expect(decoded == value)
  }

  @Test("the streaming JSON filter gives the same bytes however the input is cut")
  func jsonStreamSplits() {
    let text = "{\"t\":\"x\u{9B}y\u{2067}z é — \u{202A}\u{7F}\u{85}\"}"
    let bytes = Array(text.utf8)
    let whole = Array("{\"t\":\"x\\u009by\\u2067z é — \\u202a\\u007f\\u0085\"}".utf8)
    #expect(TerminalText.safeJSON(text) == String(decoding: whole, as: UTF8.self))
    for first in 0...bytes.count {
      for second in first...bytes.count {
        var stream = TerminalText.JSONStream()
        var out: [UInt8] = []
        for piece in [bytes[..<first], bytes[first..<second], bytes[second...]] {
          Array(piece).withUnsafeBufferPointer { stream.write($0) { out += $0 } }
        }
        stream.finish { out += $0 }
        #expect(out == whole, "cut at \(first) and \(second)")
      }
    }
  }

  @Test(
    "parse, feeds test, feeds list, run --once, search and status print no control bytes",
    .timeLimit(.minutes(2)))
  func commandsPrintNoControls() throws {
    let directory = try TemporaryDirectory()
    let escape = Self.escape
    let title =
      "\(escape)[31mKazakhstan\(escape)[0m and Azerbaijan "
      + "\(escape)]8;;http://evil.example/\(escape)\\link\(escape)]8;;\(escape)\\ "
      + "\(escape)]0;window\u{7} \(escape)[2J\(escape)[H\r\u{8} \u{9B}31m \u{85} \u{202E}lieve\u{202C} "
      + "\u{2066}iso\u{2069} talks on the Middle Corridor"
    let feed: [String: Any] = [
      "version": "https://jsonfeed.org/version/1.1",
      "title": "Hostile\(escape)]2;title\u{7} feed \u{9B}2J",
      "home_page_url": "http://127.0.0.1/",
      "items": [
        [
          "id": "a\(escape)[1m", "url": "http://127.0.0.1/a?\(escape)[31m", "title": title,
          "content_text":
            "Kazakhstan and Azerbaijan held talks in Baku \(escape)[5m on the Middle Corridor. "
            + "\u{9B}2J",
          "authors": [["name": "\(escape)[7mauthor"]], "tags": ["\(escape)[4mtag\u{9B}"],
        ]
      ],
    ]
    let feedFile = try directory.write(
      try JSONSerialization.data(withJSONObject: feed), to: "hostile.json")
    let config = try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
        - url: file://hostile.json
          title: "\\e]0;pwned\\a listed \\x9b2J"
          category: "Agencies/\\e[5m"
      """ + "\n", to: "config.yaml")
    let runs: [[String]] = [
      ["parse", feedFile.path],
      ["parse", "--json", feedFile.path],
      [
        "feeds", "test", "--config", config.path, "--no-articles",
        feedFile.absoluteString,
      ],
      ["feeds", "list", "--config", config.path],
      ["run", "--once", "--config", config.path],
      ["search", "--config", config.path, "kazakhstan"],
      ["search", "--json", "--config", config.path, "kazakhstan"],
      ["status", "--config", config.path],
    ]
    for arguments in runs {
      let result = try run(arguments)
      let command = arguments.prefix(2).joined(separator: " ")
      #expect(result.status == 0, "\(command): \(String(decoding: result.errors, as: UTF8.self))")
      #expect(!hasTerminalControls(result.output), "\(command) printed a control")
      #expect(!hasTerminalControls(result.errors), "\(command) wrote a control to stderr")
      let text = String(decoding: result.output, as: UTF8.self)
      if arguments.contains("--json") {
        // The title survives, escaped, in JSON that still decodes to it.
        #expect(text.contains("\\u001b[31mKazakhstan") || text.contains("\\u001B[31mKazakhstan"))
        let first = try #require(text.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8))
        #expect(object is [String: Any])
      } else if arguments != ["run", "--once", "--config", config.path]
        && arguments.first != "status"
      {
        #expect(text.contains("\\u{1B}"), "\(command) shows the escapes: \(text)")
      }
    }
  }

  func run(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: Data) {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = ProjectPaths.root()
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Standard error is read on its own thread, so neither pipe can fill up and stall the child.
    let collected = ErrorsCollector(errors.fileHandleForReading)
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, out, collected.finish())
  }
}

/// Reads a pipe to its end on a thread of its own.
final class ErrorsCollector: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  init(_ handle: FileHandle) {
    Thread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }.start()
  }

  func finish() -> Data {
    done.wait()
    return data
  }
}

/// Whether `bytes` (UTF-8) hold a character a terminal would act on: a C0 control other than
/// tab and line feed, DEL, a C1 control (C2 80–9F), or a bidirectional embedding, override or
/// isolate (E2 80 AA–AE, E2 81 A6–A9).
func hasTerminalControls(_ bytes: Data) -> Bool {
  let array = [UInt8](bytes)
  for (index, byte) in array.enumerated() {
    if byte < 0x20 && byte != 0x09 && byte != 0x0A { return true }
    if byte == 0x7F { return true }
    let next = index + 1 < array.count ? array[index + 1] : 0
    let third = index + 2 < array.count ? array[index + 2] : 0
    if byte == 0xC2 && (0x80...0x9F).contains(next) { return true }
    if byte == 0xE2 && next == 0x80 && (0xAA...0xAE).contains(third) { return true }
    if byte == 0xE2 && next == 0x81 && (0xA6...0xA9).contains(third) { return true }
  }
  return false
}
