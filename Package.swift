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
        // Pinned: the compiled templates read swift-mustache's parsed tokens (an internal type) through
        // Mirror; CompiledTemplateTests fails if a release changes them and pages fall back to the interpreter.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
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
        // cmark-gfm's inline characters kept set while documents are parsed on several threads (cmark_threads.c).
        .target(name: "CCmarkThreads", linkerSettings: [.linkedLibrary("dl")]),
        // Each parsed Markdown document's memory cut from a few blocks and handed back at once (document_memory.c).
        .target(name: "CCmarkMemory"),
        // The pipeline, one target per step; the compiler enforces that each
        // depends only on those before it (ARCHITECTURE.md).
        // Values: the content model, dates and periods, diagnostics and rules. No dependencies.
        .target(name: "PartnerbookModel"),
        // What every step shares: formatting, text, digests, bounded reads, parallel work.
        .target(
            name: "PartnerbookSupport",
            dependencies: ["PartnerbookModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Writes the git commit the build is made from into the command-line target (BuildCommit.id):
        // the top of the graph, so a new commit recompiles that small target only.
        .plugin(name: "EmbedCommit", capability: .buildTool()),
        // The machine: bounded file reads, folder walks, file stamps, the programs partnerbook runs
        // (git, ssh-keygen, WeasyPrint) and memory. The model and the rules cannot import it.
        .target(
            name: "PartnerbookSystem",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "CFileSystem"]
        ),
        // Load: YAML to the model with source positions; the JSON Schemas of the files.
        .target(
            name: "PartnerbookLoad",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "PartnerbookSystem", .product(name: "Yams", package: "Yams")]
        ),
        // Validate and decide: the rules, scores, gates and trees. Pure: no files, no git.
        .target(
            name: "PartnerbookRules",
            dependencies: ["PartnerbookModel", "PartnerbookSupport"]
        ),
        // Render: views, Mustache templates, cmark-gfm, charts, data files.
        .target(
            name: "PartnerbookRender",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "PartnerbookSystem", "PartnerbookRules", "CCmarkGFM", "CCmarkThreads", "CCmarkMemory",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Write: the staging folder and swap, the cache, the lock, PDFs, file replacement.
        .target(
            name: "PartnerbookOutput",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "PartnerbookSystem", "CFileSystem"]
        ),
        // The commands as library calls: the partner pipeline, build steps, record, sign.
        .target(
            name: "PartnerbookKit",
            dependencies: ["PartnerbookModel", "PartnerbookSupport", "PartnerbookSystem", "PartnerbookLoad", "PartnerbookRules",
                           "PartnerbookRender", "PartnerbookOutput"]
        ),
        // `partnerbook serve`: the live preview, kept out of the core library.
        .target(
            name: "PartnerbookPreview",
            dependencies: [
                "PartnerbookKit", "PartnerbookModel", "PartnerbookSupport", "PartnerbookSystem", "PartnerbookOutput",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "partnerbook",
            // It parses the command line and calls the library: Kit (and Preview for serve), with the
            // model and the support every layer shares for the values it prints.
            dependencies: [
                "PartnerbookKit", "PartnerbookPreview", "PartnerbookModel", "PartnerbookSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedCommit"]
        ),
        // What the tests share: the fixtures, temporary folders, running the
        // binary, the fuzz harnesses (the fuzz target uses them too), and
        // shortcuts the program itself does not need.
        .target(
            name: "PartnerbookTestSupport",
            dependencies: ["PartnerbookKit", "PartnerbookModel", "PartnerbookSupport", "PartnerbookSystem", "PartnerbookLoad",
                           "PartnerbookRules", "PartnerbookRender", "PartnerbookOutput", "PartnerbookPreview"],
            path: "Tests/PartnerbookTestSupport"
        ),
        // One test target per library target; each also runs the binary, so it depends on it.
        .testTarget(name: "PartnerbookModelTests", dependencies: ["PartnerbookModel", "PartnerbookTestSupport", "partnerbook"]),
        .testTarget(name: "PartnerbookSupportTests", dependencies: ["PartnerbookSupport", "PartnerbookTestSupport", "partnerbook"]),
        .testTarget(name: "PartnerbookSystemTests", dependencies: ["PartnerbookSystem", "PartnerbookTestSupport", "partnerbook"]),
        .testTarget(name: "PartnerbookLoadTests",
                    dependencies: ["PartnerbookLoad", "PartnerbookTestSupport", "partnerbook", .product(name: "Yams", package: "Yams")],
                    exclude: ["CommonYAML"]),
        .testTarget(name: "PartnerbookRulesTests", dependencies: ["PartnerbookRules", "PartnerbookTestSupport", "partnerbook"]),
        .testTarget(name: "PartnerbookRenderTests", dependencies: ["PartnerbookRender", "PartnerbookTestSupport", "partnerbook"],
                    exclude: ["Golden"]),
        .testTarget(name: "PartnerbookOutputTests", dependencies: ["PartnerbookOutput", "PartnerbookTestSupport", "partnerbook"]),
        .testTarget(name: "PartnerbookKitTests",
                    dependencies: ["PartnerbookKit", "PartnerbookTestSupport", "partnerbook", .product(name: "Yams", package: "Yams")],
                    exclude: ["Record/Exports", "Sign/FormOneExample"]),
        .testTarget(name: "PartnerbookPreviewTests", dependencies: ["PartnerbookPreview", "PartnerbookTestSupport", "partnerbook"]),
    ]
)

// The libFuzzer target exists only for `scripts/fuzz` (PARTNERBOOK_FUZZ=1):
// it has no `main` of its own, libFuzzer links one in.
if ProcessInfo.processInfo.environment["PARTNERBOOK_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "PartnerbookFuzz",
        dependencies: ["PartnerbookKit", "PartnerbookPreview", "PartnerbookTestSupport"],
        path: "Fuzz/Sources/PartnerbookFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
}
