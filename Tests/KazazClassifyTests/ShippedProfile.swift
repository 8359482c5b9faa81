import Foundation
import KazazConfig
import KazazTesting

@testable import KazazClassify

/// The shipped profile, loaded and compiled once for the tests that classify many texts with it.
enum ShippedProfile {
  static let classifier = Result { () throws(ConfigError) -> Classifier in
    let classifier = Classifier(profile: try ProfileLoader.load(path: ProjectPaths.profile.path))
    _ = classifier.compiled
    return classifier
  }
}
