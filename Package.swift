// swift-tools-version:6.2
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode (set by the tools version)
/// plus the upcoming features that keep dependencies explicit.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "kazaz-monitor",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "kazaz-monitor", targets: ["kazaz-monitor"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
  ],
  targets: [
    // C libraries, bound through typed shims (libcurl's setopt/getinfo are variadic).
    .systemLibrary(
      name: "CCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),

    // Charges a fault (a Swift trap) to the feed whose input the faulting thread was processing.
    .target(name: "CCrashMark"),

    // Text support every stage may import: normalisation (a versioned contract for search and
    // classification), charset decisions, escaping for JSON, XML and terminals.
    .target(name: "KazazText", swiftSettings: swiftSettings),
    // Value types shared by every stage.
    .target(name: "KazazModel", swiftSettings: swiftSettings),

    // Config and classifier-profile files → values, with file:line:column errors.
    .target(
      name: "KazazConfig",
      dependencies: ["KazazModel", .product(name: "Yams", package: "Yams")],
      swiftSettings: swiftSettings
    ),

    // Pipeline stages. They never import each other; KazazService composes them.
    .target(
      name: "KazazFetch",
      dependencies: ["KazazModel", "CCurl"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "KazazParse",
      dependencies: ["KazazText", "KazazModel", "CLibXML2"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "KazazClassify", dependencies: ["KazazText", "KazazModel"], swiftSettings: swiftSettings
    ),
    // Web pages: feed autodiscovery, OPML, and the main text of an article page.
    .target(
      name: "KazazWeb",
      dependencies: ["KazazText", "KazazModel", "CLibXML2"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "KazazStore",
      dependencies: ["KazazText", "KazazModel", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "KazazDigest", dependencies: ["KazazText", "KazazModel"],
      // The JSON Schema of the digest JSON: documentation and test input, not a resource.
      exclude: ["Schema"], swiftSettings: swiftSettings),

    // E-mail messages: addresses, MIME composition, encoded headers (no dependencies but the
    // model). Sending is KazazFetch's, over libcurl's SMTP.
    .target(name: "KazazMail", dependencies: ["KazazModel"], swiftSettings: swiftSettings),

    // The control socket: Codable messages, newline-delimited JSON over a unix socket.
    .target(
      name: "KazazControl",
      dependencies: [
        "KazazModel",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "KazazService",
      dependencies: [
        "KazazText",
        "KazazModel", "KazazConfig", "KazazFetch", "KazazParse", "KazazClassify", "KazazStore",
        "KazazDigest", "KazazControl", "KazazWeb", "KazazMail", "CCrashMark",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),

    // The executable: argument parsing and wiring only.
    .executableTarget(
      name: "kazaz-monitor",
      dependencies: [
        "KazazText",
        "KazazModel", "KazazConfig", "KazazService", "KazazClassify", "KazazParse", "KazazStore",
        "KazazDigest", "KazazFetch", "KazazControl", "KazazWeb", "KazazMail",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),

    // Benchmarks (bench/README.md): built on demand, never by the tests.
    .executableTarget(
      name: "kazaz-store-bench",
      dependencies: ["KazazText", "KazazStore", "KazazModel", "KazazClassify"],
      path: "bench/store",
      swiftSettings: swiftSettings
    ),

    // Test support: loopback HTTP server, temporary directories.
    .target(name: "KazazTesting", dependencies: ["KazazModel"], swiftSettings: swiftSettings),

    .testTarget(
      name: "KazazClassifyTests",
      dependencies: ["KazazText", "KazazClassify", "KazazConfig", "KazazModel", "KazazTesting"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazConfigTests",
      dependencies: ["KazazConfig", "KazazModel", "KazazTesting"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazFetchTests",
      dependencies: ["KazazFetch", "KazazTesting"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazParseTests",
      dependencies: ["KazazText", "KazazParse", "KazazModel", "KazazTesting"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazWebTests",
      dependencies: ["KazazText", "KazazWeb", "KazazTesting"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazTextTests",
      dependencies: ["KazazText"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazMailTests",
      dependencies: ["KazazMail", "KazazTesting"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazStoreTests",
      dependencies: ["KazazStore", "KazazModel", "KazazText", "KazazTesting"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazDigestTests",
      // KazazParse reads the Atom feed of digests back, as a feed reader would; the golden
      // digests are built from a real store, with key facts from the classifier's extractor.
      dependencies: [
        "KazazDigest", "KazazModel", "KazazParse", "KazazTesting", "KazazStore", "KazazClassify",
      ],
      // The expected digests: read by the golden test from the source tree, not resources.
      exclude: ["Golden"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazServiceTests",
      dependencies: [
        "KazazText",
        "KazazService", "KazazClassify", "KazazConfig", "KazazStore", "KazazModel", "KazazTesting",
        "KazazControl", "KazazFetch",
        // Built first, so tests can run the real binary as a child process.
        "kazaz-monitor",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "KazazControlTests",
      dependencies: [
        "KazazModel",
        "KazazControl", "KazazTesting",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    // The commands as users run them: the built kazaz-monitor binary on real files, feeds on
    // loopback, kills at chosen moments.
    .testTarget(
      name: "CommandLineTests",
      dependencies: [
        "KazazConfig", "KazazFetch", "KazazModel", "KazazService", "KazazStore", "KazazTesting",
        "KazazText",
        .product(name: "Logging", package: "swift-log"),
        // Built first: these tests run the real binary.
        "kazaz-monitor",
      ],
      swiftSettings: swiftSettings
    ),
    // Runs the built kazaz-monitor binary as systemd would: notify socket, signals, control socket.
    .testTarget(
      name: "DaemonIntegrationTests",
      dependencies: [
        "KazazControl", "KazazTesting", "KazazStore", "KazazModel",
        // Built first: these tests run the real binary.
        "kazaz-monitor",
      ],
      swiftSettings: swiftSettings
    ),
  ]
)
