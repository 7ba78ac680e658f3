import Foundation

/// Runs the built `cchc` as a user would, for the tests that check its output and exit code.
package enum CLI {
    package struct Run {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// Runs `executable` (the built `cchc` unless told) to its end, from `folder` (the package
    /// root unless told), with `environment` added to this process's.
    package static func run(
        _ arguments: [String], executable: URL = TestPaths.executable, in folder: URL = TestPaths.packageRoot,
        environment: [String: String] = [:]
    ) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // No PDF unless a test asks for it: printing every document would slow every render.
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["CCHC_CHROMIUM": "none"].merging(environment) { _, new in new }
        ) {
            _, new in new
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (stdout, stderr) = drain(out, err)
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Reads both pipes at once: reading one to its end first deadlocks when the other fills up.
    package static func drain(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        let box = ErrorBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            box.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        return (stdout, box.data)
    }

    package final class ErrorBox: @unchecked Sendable { var data = Data() }

    /// Starts the built `cchc` without waiting, its output discarded (for tests that kill it).
    package static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = arguments
        // No PDF unless a test asks for it: printing every document would slow every render.
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["CCHC_CHROMIUM": "none"].merging(environment) { _, new in new }
        ) {
            _, new in new
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
