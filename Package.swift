// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "Partnerbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "partnerbook", targets: ["partnerbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.0"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE) for the atomic output swap, and openat2(RESOLVE_BENEATH) so nothing
        // below the staging or output folder is reached through a link.
        .target(name: "CFileSystem"),
        // The pipeline, one target per step; the compiler enforces that each
        // depends only on those before it (ARCHITECTURE.md).
        // Values: the content model, dates and periods, diagnostics and rules. No dependencies.
        .target(name: "PartnerbookModel"),
        // What every step shares: formatting, text, digests, bounded reads, parallel work.
        .target(
            name: "PartnerbookSupport",
            dependencies: ["PartnerbookModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Load: YAML to the model with source positions; the JSON Schemas of the files.
        .target(
            name: "PartnerbookLoad",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", .product(name: "Yams", package: "Yams")]
        ),
        // Validate and decide: the rules, scores, gates and trees. Pure: no files, no git.
        .target(
            name: "PartnerbookRules",
            dependencies: ["PartnerbookModel", "PartnerbookSupport"]
        ),
        // Render: views, Mustache templates, cmark-gfm, charts, data files.
        .target(
            name: "PartnerbookRender",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "PartnerbookRules", "CCmarkGFM",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Write: the staging folder and swap, the cache, the lock, PDFs, file replacement.
        .target(
            name: "PartnerbookOutput",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "CFileSystem"]
        ),
        // The commands as library calls: the partner pipeline, build steps, record, sign.
        .target(
            name: "PartnerbookKit",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "PartnerbookLoad", "PartnerbookRules",
                           "PartnerbookRender", "PartnerbookOutput"]
        ),
        // `partnerbook serve`: the live preview, kept out of the core library.
        .target(
            name: "PartnerbookPreview",
            dependencies: [
                "PartnerbookKit", "PartnerbookModel", "PartnerbookSupport", "PartnerbookOutput",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "partnerbook",
            dependencies: [
                "PartnerbookKit", "PartnerbookModel", "PartnerbookSupport", "PartnerbookLoad", "PartnerbookRules", "PartnerbookRender",
                "PartnerbookPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PartnerbookKitTests",
            dependencies: ["PartnerbookKit", "PartnerbookModel", "PartnerbookSupport", "PartnerbookLoad", "PartnerbookRules",
                           "PartnerbookRender", "PartnerbookOutput", "PartnerbookPreview", "partnerbook",
                           .product(name: "Yams", package: "Yams")],
            exclude: ["Golden", "Record/Exports"]
        ),
    ]
)

// The libFuzzer target exists only for `scripts/fuzz` (PARTNERBOOK_FUZZ=1):
// it has no `main` of its own, libFuzzer links one in.
if ProcessInfo.processInfo.environment["PARTNERBOOK_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "PartnerbookFuzz",
        dependencies: ["PartnerbookKit", "PartnerbookPreview"],
        path: "Fuzz/Sources/PartnerbookFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
}
