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
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CSupport"),
        .target(
            name: "CCHCKit",
            dependencies: [
                "CLibXML2",
                "CSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
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
            dependencies: ["CCHCKit"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
