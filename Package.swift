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
        .target(
            name: "CCHCKit",
            dependencies: [
                "CLibXML2",
                "CSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // The built-in templates: Templates/ embedded into CCHCKit at build time.
        .executableTarget(name: "embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .executableTarget(
            name: "cchc",
            dependencies: [
                "CCHCKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "cchc-bench",
            dependencies: ["CCHCKit"]
        ),
        .testTarget(
            name: "CCHCKitTests",
            dependencies: ["CCHCKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
