// swift-tools-version: 6.0
// AgriQA: a location-aware agricultural question-answering knowledge server.
//
// Layers (each depends only on the ones below it):
//   AgriQACLI (surfaces) → AgriQAIndex → AgriQAIngestion → AgriQAGeography → AgriQADomain
//   AgriQAIndex → AgriQAEmbedding → AgriQADomain (the embedder is a leaf the index uses)
//   AgriQARetrieval (services: hybrid, location-aware search) sits between the surfaces and the index
//   AgriQAAnswering (services: grounded answers, citations, extractive fallback) → AgriQARetrieval, AgriQAChatModel
//   AgriQAServer (surface: HTTP API) → AgriQAAnswering
//   AgriQAChatModel is a leaf: the OpenAI-compatible chat client the services use
import PackageDescription

let package = Package(
    name: "AgriQA",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "agriqa", targets: ["AgriQACLI"]),
        .executable(name: "agriqa-bench", targets: ["AgriQABench"]),
        .library(
            name: "AgriQA",
            targets: ["AgriQAIndex", "AgriQAIngestion", "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        // Line editing and history for `agriqa chat`.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
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
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "AgriQARetrieval", dependencies: [
            "AgriQAIndex", "AgriQAIngestion", "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain", "COpenBLAS",
        ]),
        .target(name: "AgriQAChatModel"),
        .target(name: "AgriQAAnswering", dependencies: [
            "AgriQARetrieval", "AgriQAChatModel", "AgriQAIndex", "AgriQAGeography", "AgriQADomain",
        ]),
        // Batch exam scoring (`agriqa exam`): the IR solver over retrieval and the chat-model solver.
        .target(name: "AgriQAExam", dependencies: [
            "AgriQARetrieval", "AgriQAChatModel", "AgriQAIndex", "AgriQAIngestion", "AgriQAEmbedding", "AgriQAGeography",
            "AgriQADomain",
        ]),
        // Fine-tuning data synthesis (`agriqa synth`) and question/answer quality evaluation.
        .target(name: "AgriQASynthesis", dependencies: [
            "AgriQAAnswering", "AgriQAExam", "AgriQARetrieval", "AgriQAChatModel", "AgriQAIndex", "AgriQAIngestion",
            "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain",
        ]),
        .target(name: "AgriQAServer", dependencies: [
            "AgriQAAnswering", "AgriQARetrieval", "AgriQAChatModel", "AgriQAIndex", "AgriQAGeography", "AgriQADomain",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Latency and throughput benchmarks (`make bench`); prints medians beside same-run baselines.
        .executableTarget(name: "AgriQABench", dependencies: [
            "AgriQARetrieval", "AgriQAIndex", "AgriQAIngestion", "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain",
            "COpenBLAS",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "AgriQACLI", dependencies: [
            "AgriQAServer", "AgriQAExam", "AgriQASynthesis", "AgriQAAnswering", "AgriQAChatModel", "AgriQARetrieval", "AgriQAIndex",
            "AgriQAIngestion", "AgriQAGeography", "AgriQAEmbedding", "AgriQADomain", "CLibEdit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "AgriQADomainTests", dependencies: ["AgriQADomain"]),
        .testTarget(name: "AgriQAGeographyTests", dependencies: ["AgriQAGeography"]),
        .testTarget(name: "AgriQAEmbeddingTests", dependencies: ["AgriQAEmbedding"]),
        // Helpers shared by test targets (PDF writer for unusual shapes, package paths, the built
        // `agriqa` and its output); not part of the product.
        .target(name: "AgriQATestSupport", path: "Tests/AgriQATestSupport"),
        // A small OpenAI-compatible chat server on a real port, scripted by tests (streaming, 500s,
        // hangs, malformed chunks): the one fake, standing in for a model endpoint that cannot run here.
        .target(
            name: "AgriQAFakeChatServer", dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/AgriQAFakeChatServer"),
        .testTarget(name: "AgriQAChatModelTests", dependencies: ["AgriQAChatModel", "AgriQAFakeChatServer"]),
        .testTarget(name: "AgriQAExamTests", dependencies: [
            "AgriQAExam", "AgriQAChatModel", "AgriQAFakeChatServer", "AgriQATestSupport", "AgriQARetrieval", "AgriQAIndex",
            "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain",
        ]),
        .testTarget(name: "AgriQASynthesisTests", dependencies: [
            "AgriQASynthesis", "AgriQAAnswering", "AgriQAChatModel", "AgriQAFakeChatServer", "AgriQARetrieval", "AgriQAIndex",
            "AgriQAEmbedding", "AgriQAGeography", "AgriQADomain", "AgriQATestSupport",
        ]),
        .testTarget(name: "AgriQAAnsweringTests", dependencies: [
            "AgriQAAnswering", "AgriQAChatModel", "AgriQARetrieval", "AgriQAIndex", "AgriQAIngestion", "AgriQAGeography",
            "AgriQADomain",
        ]),
        .testTarget(name: "AgriQAServerTests", dependencies: [
            "AgriQAServer", "AgriQAAnswering", "AgriQAChatModel", "AgriQAFakeChatServer", "AgriQATestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
        .testTarget(name: "AgriQAIngestionTests", dependencies: ["AgriQAIngestion", "AgriQATestSupport"]),
        .testTarget(name: "AgriQARetrievalTests", dependencies: ["AgriQARetrieval"]),
        .testTarget(name: "AgriQAIndexTests", dependencies: [
            "AgriQAIndex", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Drives the built `agriqa chat` piped and through tmux (a real pseudo-terminal).
        .testTarget(name: "AgriQATerminalChatTests", dependencies: [
            "AgriQACLI", "AgriQAAnswering", "AgriQAChatModel", "AgriQARetrieval", "AgriQADomain", "AgriQAFakeChatServer",
            "AgriQATestSupport",
        ]),
        // Runs the built `agriqa` executable as a user would.
        .testTarget(name: "AgriQACLITests", dependencies: [
            "AgriQAIndex", "AgriQATestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Faults and hostile input (fuzzed PDFs, kill -9 during ingest, model endpoint faults, hostile
        // HTTP, prompt injection) at CI sizes; scripts/fault-suite.sh runs the full sizes and the load test.
        .testTarget(name: "AgriQAFaultTests", dependencies: [
            "AgriQAServer", "AgriQAAnswering", "AgriQAChatModel", "AgriQAFakeChatServer", "AgriQATestSupport", "AgriQARetrieval",
            "AgriQAIndex", "AgriQAGeography", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
