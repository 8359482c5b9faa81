import ArgumentParser
import Foundation
import KazazConfig
import KazazModel
import KazazService
import KazazStore

struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show the store's feeds, their health, and counts.")

  @OptionGroup var options: ConfigOptions

  func run() async throws {
    let config = try options.load()
    let monitor = try Monitor.open(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    let counts = try monitor.store.counts()
    print("store: \(monitor.store.path)")
    print("feeds: \(counts.feeds), items: \(counts.items), relevant: \(counts.relevant)")
    if let last = try monitor.store.lastDigest() {
      print("last digest: \(last.day) → \(last.path)")
    }
    for feed in try monitor.store.feeds() {
      print("  " + FeedHealthLine.describe(feed, now: Date()))
    }
  }
}
