import Foundation
import Yams

/// When the weekly report is written (`digest.weekly`): a weekday and a time of day in the
/// digest's time zone; by default Monday at the digest time.
public struct WeeklyConfig: Sendable, Equatable {
  public var enabled: Bool
  /// 1 = Sunday … 7 = Saturday, as the Gregorian calendar numbers weekdays.
  public var weekday: Int
  /// Local time of day, minutes after midnight; nil: the daily digest's time.
  public var minuteOfDay: Int?

  /// The weekday names the config accepts, in the calendar's order (Sunday is 1).
  public static let weekdayNames = [
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  ]

  public init(enabled: Bool = true, weekday: Int = 2, minuteOfDay: Int? = nil) {
    self.enabled = enabled
    self.weekday = weekday
    self.minuteOfDay = minuteOfDay
  }
}

extension ConfigLoader {
  static let weeklyKeys = ["enabled", "weekday", "time"]

  /// `digest.weekly: {enabled, weekday, time}`.
  static func parseWeekly(_ node: Node, _ reader: NodeReader) -> WeeklyConfig {
    var weekly = WeeklyConfig()
    guard let mapping = reader.mapping(node, "digest.weekly") else { return weekly }
    for (key, _, value) in reader.entries(
      mapping, allowed: weeklyKeys, context: "digest.weekly")
    {
      switch key {
      case "enabled":
        if let flag = value.bool {
          weekly.enabled = flag
        } else {
          reader.problem(
            "digest.weekly.enabled: expected true or false, found \(NodeReader.describe(value))",
            at: value)
        }
      case "weekday":
        guard let name = reader.string(value, "digest.weekly.weekday") else { continue }
        let lower = name.lowercased()
        if let index = WeeklyConfig.weekdayNames.firstIndex(where: {
          $0 == lower || (lower.count == 3 && $0.hasPrefix(lower))
        }) {
          weekly.weekday = index + 1
        } else {
          reader.problem(
            "digest.weekly.weekday: expected a weekday such as monday, found \"\(name)\"",
            at: value)
        }
      case "time":
        guard let text = reader.string(value, "digest.weekly.time") else { continue }
        if let minute = ValueParsers.timeOfDay(text) {
          weekly.minuteOfDay = minute
        } else {
          reader.problem(
            "digest.weekly.time: expected HH:MM (24-hour), found \"\(text)\"", at: value)
        }
      default: break
      }
    }
    return weekly
  }
}
