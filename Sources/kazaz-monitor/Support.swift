import ArgumentParser
import Foundation
import KazazClassify
import KazazConfig
import KazazFetch
import KazazModel
import KazazService
import KazazText
import Logging

/// `--config FILE`, shared by the commands that work on a configured installation.
struct ConfigOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "The configuration file (YAML).")
  var config: String = "/etc/kazaz-monitor/config.yaml"

  @Option(
    help: "Log level: trace, debug, info, notice, warning, error, critical. Overrides the config.")
  var logLevel: String?

  /// Loads the config or exits with EX_CONFIG (78) after printing every problem.
  func load() throws -> Config {
    try Self.load(path: config, logLevel: logLevel)
  }

  /// `load()` for a command that has its own `--config` option. It never goes through a
  /// `ConfigOptions` value made outside argument parsing: reading the properties of such a value
  /// traps ("Can't read a value from a parsable argument definition").
  static func load(path: String, logLevel: String?) throws -> Config {
    do {
      var config = try ConfigLoader.load(path: path)
      if let logLevel {
        guard let level = LogLevel(rawValue: logLevel.lowercased()) else {
          throw ValidationError("unknown log level \"\(logLevel)\"")
        }
        config.logLevel = level
      }
      return config
    } catch let error as ConfigError {
      printError(error.description)
      throw ExitCode(78)
    }
  }
}

/// `--profile FILE`, shared by the commands that classify without a configured installation.
struct ProfileOptions: ParsableArguments {
  @Option(
    help: "The classifier profile (default: config/profiles/kazaz.yaml, then the shipped one).")
  var profile: String?

  @Flag(help: "Compile the profile afresh rather than use the compiled copy in the user's cache.")
  var noProfileCache = false

  /// Finds and loads the profile, or exits with EX_CONFIG (78) after printing the problem.
  func load() throws -> (path: String, profile: ClassifierProfile) {
    let path = try ProfileLocator.locate(explicit: profile)
    do {
      return (path, try ProfileLoader.load(path: path))
    } catch {
      printError(error.description)
      throw ExitCode(78)
    }
  }

  /// Finds the profile and returns a classifier for it, compiled, or read from the per-user cache
  /// (`ProfileCache`) when that holds the compilation of this content. Exits with EX_CONFIG (78)
  /// after printing the problem when the profile is not valid.
  func loadClassifier() throws -> (path: String, classifier: Classifier) {
    let path = try ProfileLocator.locate(explicit: profile)
    guard !noProfileCache, let cache = ProfileCache.forUser(),
      let content = FileManager.default.contents(atPath: path)
    else {
      let loaded = try load()
      return (loaded.path, Classifier(profile: loaded.profile))
    }
    do {
      // Parsed from the bytes the cache key was made of, and only when the cache misses.
      let (compiled, _) = try cache.compiledProfile(path: path, content: content) {
        () throws(ConfigError) -> ClassifierProfile in
        guard let text = content.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else {
          throw ConfigError(problems: [
            ConfigProblem(file: path, line: nil, column: nil, message: "not UTF-8 text")
          ])
        }
        return try ProfileLoader.parse(text, displayName: path)
      }
      return (path, Classifier(compiled: compiled))
    } catch {
      printError(error.description)
      throw ExitCode(78)
    }
  }
}

/// The feed at `url` (a feed, or a page that links one), or exit status 1 after saying why.
func discoverFeed(_ url: String, language: String? = nil, engine: CurlEngine) async throws
  -> FeedFinder.Found
{
  do {
    return try await FeedFinder(engine: engine).find(url, language: language)
  } catch {
    printError(error.description)
    throw ExitCode.failure
  }
}

/// Prints `message` on standard error, terminal controls shown as escapes (`TerminalText`):
/// error messages quote feed data.
func printError(_ message: String) {
  let safe = TerminalText.safe(message, keepingLineBreaks: true)
  FileHandle.standardError.write(Data((safe + "\n").utf8))
}

/// Writes bytes to standard output as they are (no copy into `Data` first: the JSON of a large
/// feed is megabytes).
func writeStandardOutput(_ bytes: UnsafeBufferPointer<UInt8>) {
  guard let base = bytes.baseAddress else { return }
  var offset = 0
  while offset < bytes.count {
    let written = write(STDOUT_FILENO, base + offset, bytes.count - offset)
    if written < 0 {
      if errno == EINTR { continue }
      return
    }
    offset += written
  }
}

/// Writes one line break to standard output.
func writeStandardOutputNewline() {
  var newline: UInt8 = 0x0A
  withUnsafePointer(to: &newline) { writeStandardOutput(UnsafeBufferPointer(start: $0, count: 1)) }
}

/// Logs go to standard error, with journald priorities when it is the journal; the level comes
/// from the config or `--log-level`.
enum LoggingBootstrap {
  static func logger(level: LogLevel) -> Logger {
    var logger = Logger(label: "kazaz-monitor") { label in
      JournalLogHandler(label: label)
    }
    logger.logLevel = Logger.Level(rawValue: level.rawValue) ?? .info
    return logger
  }
}

/// Finds the classifier profile when none is given: `KAZAZ_PROFILE`, the checkout's
/// `config/profiles/kazaz.yaml` in the current folder, then the shipped one (`ShippedProfile`).
enum ProfileLocator {
  static func locate(explicit: String?) throws -> String {
    if let explicit { return explicit }
    var candidates: [String] = []
    if let fromEnvironment = ProcessInfo.processInfo.environment["KAZAZ_PROFILE"] {
      candidates.append(fromEnvironment)
    }
    candidates.append("config/profiles/kazaz.yaml")
    candidates += ShippedProfile.candidates().map(\.path)
    if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
      return found
    }
    throw ValidationError(
      "no classifier profile found (looked at \(candidates.joined(separator: ", "))); pass --profile FILE"
    )
  }
}
