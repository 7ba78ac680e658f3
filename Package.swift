// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CCHC",
    products: [
        .executable(name: "cchc", targets: ["cchc"]),
        .library(name: "CCHCKit", targets: ["CCHCKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib (Debian zlib1g-dev, which ZIPFoundation needs too): the CRC-32 of the workbook parts
        // cchc reads, and the CRC-32 and deflate of every .docx and .xlsx it writes (ZipWriter).
        .target(name: "CSupport", linkerSettings: [.linkedLibrary("z")]),
        // The floors, lowest first: each target imports only those below it, so the compiler
        // refuses a back edge (docs/architecture.md draws them).
        .target(
            name: "CCHCCore",
            dependencies: ["CLibXML2", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "CCHCInput",
            dependencies: [
                "CCHCCore", "CLibXML2", "CSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "CCHCCompute", dependencies: ["CCHCCore", "CCHCInput"]),
        .target(name: "CCHCTemplate", dependencies: ["CCHCCore"], plugins: ["EmbedTemplates"]),
        .target(name: "CCHCDocuments", dependencies: ["CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate"]),
        .target(
            name: "CCHCWriters",
            dependencies: [
                "CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCDocuments", "CSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "CCHCStore",
            dependencies: [
                "CCHCCore", "CCHCTemplate", "CCHCDocuments", "CSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CCHCKit",
            dependencies: [
                "CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCDocuments", "CCHCWriters", "CCHCStore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The built-in templates: Templates/ embedded into CCHCKit at build time.
        .executableTarget(name: "embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .executableTarget(
            name: "cchc",
            dependencies: [
                "CCHCCore", "CCHCInput", "CCHCTemplate", "CCHCDocuments", "CCHCWriters", "CCHCStore", "CCHCKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "cchc-bench",
            dependencies: [
                "CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCDocuments", "CCHCWriters", "CCHCStore", "CCHCKit",
            ]
        ),
        // Helpers every test target shares: paths, the built binary, golden files, a loopback
        // witness, the fault barrier, generated workbooks and datasets.
        .target(
            name: "CCHCTestSupport",
            dependencies: ["CCHCCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/CCHCTestSupport"
        ),
        // One test target per floor, mirroring its folders (Tests/<floor>Tests).
        .testTarget(name: "CCHCCoreTests", dependencies: ["CCHCCore", "CCHCTestSupport"]),
        .testTarget(name: "CCHCInputTests", dependencies: ["CCHCCore", "CCHCInput", "CCHCTestSupport"]),
        .testTarget(name: "CCHCComputeTests", dependencies: ["CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTestSupport"]),
        .testTarget(
            name: "CCHCTemplateTests", dependencies: ["CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCTestSupport"]),
        .testTarget(
            name: "CCHCDocumentsTests",
            dependencies: ["CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCDocuments", "CCHCTestSupport"]),
        .testTarget(
            name: "CCHCWritersTests",
            dependencies: [
                "CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCDocuments", "CCHCWriters", "CCHCTestSupport",
            ]),
        .testTarget(
            name: "CCHCStoreTests", dependencies: ["CCHCCore", "CCHCTemplate", "CCHCDocuments", "CCHCStore", "CCHCTestSupport"]),
        .testTarget(
            name: "CCHCKitTests",
            dependencies: [
                "CCHCCore", "CCHCInput", "CCHCCompute", "CCHCTemplate", "CCHCDocuments", "CCHCWriters", "CCHCStore", "CCHCKit",
                "CCHCTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
