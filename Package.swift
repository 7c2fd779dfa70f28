// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "Partnerbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "partnerbook", targets: ["partnerbook"]),
        .library(name: "PartnerbookKit", targets: ["PartnerbookKit"]),
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
        // renameat2(RENAME_EXCHANGE), which needs _GNU_SOURCE, for the atomic output swap.
        .target(name: "CAtomicSwap"),
        .target(
            name: "PartnerbookKit",
            dependencies: [
                "CCmarkGFM",
                "CAtomicSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `partnerbook serve`: the live preview, kept out of the core library.
        .target(
            name: "PartnerbookPreview",
            dependencies: [
                "PartnerbookKit",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "partnerbook",
            dependencies: [
                "PartnerbookKit",
                "PartnerbookPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PartnerbookKitTests",
            dependencies: ["PartnerbookKit", "PartnerbookPreview", "partnerbook"],
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
