import Foundation

/// Parsers for the human-friendly value forms the config accepts.
enum ValueParsers {
  /// `90`, `90s`, `15m`, `2h`, `1d`, `1h30m` → a duration. Nil when malformed.
  static func duration(_ text: String) -> Duration? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
    var total = 0
    var number = ""
    for character in trimmed {
      if character.isASCII && character.isNumber {
        number.append(character)
        continue
      }
      guard let value = Int(number) else { return nil }
      let unit: Int
      switch character {
      case "s": unit = 1
      case "m": unit = 60
      case "h": unit = 3600
      case "d": unit = 86_400
      default: return nil
      }
      total += value * unit
      number = ""
    }
    guard number.isEmpty, !trimmed.isEmpty else { return nil }
    return .seconds(total)
  }

  /// `1048576`, `512KiB`, `10MiB`, `1GiB` (also `KB`/`MB`, read as binary units) → bytes.
  static func byteSize(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let bytes = Int(trimmed), bytes > 0 { return bytes }
    let units: [(String, Int)] = [
      ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1 << 10), ("mb", 1 << 20),
      ("gb", 1 << 30), ("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30),
    ]
    let lower = trimmed.lowercased()
    for (suffix, multiplier) in units where lower.hasSuffix(suffix) {
      let number = lower.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
      guard let value = Double(number), value > 0 else { return nil }
      return Int(value * Double(multiplier))
    }
    return nil
  }

  /// `08:00` → minutes after midnight.
  static func timeOfDay(_ text: String) -> Int? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
      (0..<24).contains(hour), (0..<60).contains(minute), parts[1].count == 2
    else { return nil }
    return hour * 60 + minute
  }
}
