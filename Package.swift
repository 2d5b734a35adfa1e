// swift-tools-version: 6.0
// AgriQA: a location-aware agricultural question-answering knowledge server.
//
// Layers (each depends only on the ones below it):
//   AgriQACLI (surfaces) → AgriQAIndex → AgriQAIngestion → AgriQAGeography → AgriQADomain
//   AgriQAIndex → AgriQAEmbedding → AgriQADomain (the embedder is a leaf the index uses)
//   AgriQARetrieval (services: hybrid, location-aware search) sits between the CLI and the index
import PackageDescription

let package = Package(
    name: "AgriQA",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "agriqa", targets: ["AgriQACLI"]),
        .library(
            name: "AgriQA",
            targets: ["AgriQAIndex", "AgriQAIngestion", "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "AgriQADomain"),
        // The encoder's kernels are optimized even in debug builds: unoptimized they run 5x slower,
        // which would make every test and debug ingest that embeds chunks crawl.
        .target(
            name: "AgriQAEmbedding", dependencies: ["AgriQADomain", "COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "AgriQAGeography", dependencies: ["AgriQADomain"]),
        .target(name: "AgriQAIngestion", dependencies: ["AgriQADomain", "AgriQAGeography", "CPoppler"]),
        .target(name: "AgriQAIndex", dependencies: [
            "AgriQADomain", "AgriQAGeography", "AgriQAIngestion", "AgriQAEmbedding",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "AgriQARetrieval", dependencies: [
            "AgriQAIndex", "AgriQAIngestion", "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain", "COpenBLAS",
        ]),
        .executableTarget(name: "AgriQACLI", dependencies: [
            "AgriQARetrieval", "AgriQAIndex", "AgriQAIngestion", "AgriQAGeography", "AgriQAEmbedding", "AgriQADomain",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "AgriQADomainTests", dependencies: ["AgriQADomain"]),
        .testTarget(name: "AgriQAGeographyTests", dependencies: ["AgriQAGeography"]),
        .testTarget(name: "AgriQAEmbeddingTests", dependencies: ["AgriQAEmbedding"]),
        // Helpers shared by test targets (PDF writer for unusual shapes); not part of the product.
        .target(name: "AgriQATestSupport", path: "Tests/AgriQATestSupport"),
        .testTarget(name: "AgriQAIngestionTests", dependencies: ["AgriQAIngestion", "AgriQATestSupport"]),
        .testTarget(name: "AgriQARetrievalTests", dependencies: ["AgriQARetrieval"]),
        .testTarget(name: "AgriQAIndexTests", dependencies: [
            "AgriQAIndex", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Runs the built `agriqa` executable as a user would.
        .testTarget(name: "AgriQACLITests", dependencies: [
            "AgriQAIndex", "AgriQATestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
