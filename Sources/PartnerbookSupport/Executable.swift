import Foundation

/// Programs partnerbook runs (git, ssh-keygen, weasyprint), found on the PATH.
package enum Executable {
    /// The first executable file named `name` in a PATH folder, or nil.
    package static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
