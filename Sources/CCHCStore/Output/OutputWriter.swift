import CCHCCore
import CSupport
import Foundation
import Synchronization

/// Step 5: writes rendered files so that a reader, or a crash, never sees a half-written set.
///
/// Every render writes into a staging folder beside the output (`prepareStaging`). A whole render
/// swaps it in with one atomic exchange (`swapIn`): after a kill the old output is intact or the
/// new one is complete. A partial render moves its files in one rename each (`moveIn`).
public enum OutputWriter {
    /// A new, empty staging folder beside `folder` (clearing those of killed runs). Its name
    /// carries the process id and a number, so that renders running at once, from several
    /// processes or from one, never share one. Give it back with `discard` (or `swapIn`).
    public static func prepareStaging(for folder: URL) throws -> URL {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw RenderError.write(path: parent.path, reason: reason(error))
        }
        removeAbandonedStaging(of: folder)
        let number = stagingNumbers.add(1, ordering: .relaxed).newValue
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).cchc-new-\(getpid())-\(number)")
        stagingInUse.withLock { _ = $0.insert(staging.lastPathComponent) }
        try? fm.removeItem(at: staging)
        do {
            let held = try HeldFolder(creating: staging)
            heldStaging.withLock { $0[staging.path] = held }
        } catch {
            discard(staging)
            throw RenderError.write(path: staging.path, reason: reason(error))
        }
        return staging
    }

    /// The staging folders being written, each held open: files go into that folder or nowhere.
    private static let heldStaging = Locked<[String: HeldFolder]>([:])

    /// Refuses to put a staging folder in place unless it is still where it was made and holds
    /// every one of `paths`: a folder removed or replaced during the render (by hand, a clean-up
    /// tool) gives an error, never an incomplete set.
    package static func requireComplete(_ staging: URL, _ paths: [String]) throws {
        guard let held = heldStaging.withLock({ $0[staging.path] }) else {
            throw RenderError.write(path: staging.path, reason: "is not a staging folder of this render")
        }
        let missing = held.missing(paths)
        guard missing.isEmpty else {
            throw RenderError.write(
                path: staging.path,
                reason:
                    "was removed or changed while the render wrote into it (\(missing.count) of \(paths.count) files missing, e.g. \(missing[0])); nothing was put in place: render again"
            )
        }
    }

    /// Removes a staging folder this process no longer needs.
    public static func discard(_ staging: URL) {
        heldStaging.withLock { _ = $0.removeValue(forKey: staging.path) }
        try? FileManager.default.removeItem(at: staging)
        stagingInUse.withLock { _ = $0.remove(staging.lastPathComponent) }
    }

    /// Puts a complete staging folder in place of `folder` in one atomic exchange. The old
    /// output, now in the staging folder, loses only the files of `previous` (what cchc wrote
    /// there before). A file saved into it in the moment before the exchange is the officer's:
    /// the old output is exchanged back, as it was, and the render refused naming the file.
    public static func swapIn(_ staging: URL, for folder: URL, previous: OutputFolder.Previous?) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path) {
            guard cchc_exchange_paths(staging.path, folder.path) == 0 else {
                throw RenderError.write(path: folder.path, reason: "cannot be replaced (\(String(cString: strerror(errno))))")
            }
        } else if rename(staging.path, folder.path) != 0 {
            throw RenderError.write(path: folder.path, reason: String(cString: strerror(errno)))
        }
        defer {
            heldStaging.withLock { _ = $0.removeValue(forKey: staging.path) }
            stagingInUse.withLock { _ = $0.remove(staging.lastPathComponent) }
        }
        // After the exchange the staging folder holds the old output.
        guard let previous else { return }
        let owned = Set(previous.files)
        let foreign = FileTree.entries(in: staging).filter { !$0.isDirectory && !owned.contains($0.path) }.map(\.path)
        guard foreign.isEmpty else {
            let named = foreign.prefix(5).joined(separator: ", ")
            if cchc_exchange_paths(staging.path, folder.path) == 0 {
                throw RenderError.outputRefused(
                    path: folder.path,
                    reason:
                        "\(named) was saved into it while cchc rendered; the folder is as it was before this render: move \(foreign.count == 1 ? "it" : "them") out and render again (cchc never deletes what it did not write)"
                )
            }
            // The exchange back failed: the old output, with the officer's file, is kept in plain sight.
            let kept = folder.deletingLastPathComponent().appendingPathComponent(
                "\(folder.lastPathComponent).cchc-kept-\(getpid())")
            let place = rename(staging.path, kept.path) == 0 ? kept.path : staging.path
            throw RenderError.outputRefused(
                path: folder.path,
                reason:
                    "\(named) was saved into it while cchc rendered; the new documents are in place and the previous output, with \(foreign.count == 1 ? "that file" : "those files"), is in \(place)"
            )
        }
        OwnedFiles.remove(previous.files, from: staging)
    }

    /// Moves the files `paths` of a complete staging folder into `folder`, each with one rename
    /// that replaces its old version; the other files of `folder` stay as they are.
    public static func moveIn(_ paths: [String], from staging: URL, to folder: URL) throws {
        var created = Set<String>()
        for path in paths {
            guard ContainedPath.isContained(path) else {
                throw RenderError.write(path: path, reason: "the name would lead outside the output folder")
            }
            let target = folder.appendingPathComponent(path)
            let directory = target.deletingLastPathComponent()
            if created.insert(directory.path).inserted {
                do {
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                } catch {
                    throw RenderError.write(path: directory.path, reason: reason(error))
                }
            }
            guard rename(staging.appendingPathComponent(path).path, target.path) == 0 else {
                throw RenderError.write(path: target.path, reason: String(cString: strerror(errno)))
            }
            FaultPoint.reached("file-moved-in", at: target.path)
        }
    }

    /// Staging folders left by renders that were killed: their process is gone, or it is this
    /// process (a process id used again) and no render of this process is using them.
    package static func removeAbandonedStaging(of folder: URL) {
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent).cchc-new-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            let abandoned = pid == getpid() ? !stagingInUse.withLock { $0.contains(name) } : kill(pid, 0) != 0
            if abandoned { try? FileManager.default.removeItem(at: parent.appendingPathComponent(name)) }
        }
    }

    /// Numbers the staging folders of this process.
    private static let stagingNumbers = Atomic<Int>(0)
    /// The staging folders this process is writing into now.
    private static let stagingInUse = Locked<Set<String>>([])

    /// Writes each file straight to its name in a staging folder: nobody reads a staging folder
    /// until it is swapped in whole, so a temporary name and a rename per file would buy nothing.
    /// A file's folder is created when the first write into it finds it missing (a national
    /// render writes ten thousand files into a few folders). A text file is written NFC (what
    /// cchc writes is: the quick check passes it as it is).
    /// - Returns: with `hashing`, each file's SHA-256 as written, in order (the archive compares
    ///   by them and never reads its own render back); otherwise nothing.
    @discardableResult
    public static func writeStaged(_ files: [RenderedFile], to staging: URL, hashing: Bool = false) throws -> [String] {
        let root = staging.path
        guard let held = heldStaging.withLock({ $0[root] }) else {
            throw RenderError.write(path: root, reason: "is not a staging folder of this render")
        }
        var hashes: [String] = []
        for file in files {
            let path = root + "/" + file.path
            guard ContainedPath.isContained(file.path) else {
                throw RenderError.write(path: path, reason: "the name would lead outside the output folder")
            }
            let bytes = file.isText ? TextDecoder.nfc(file.bytes) : file.bytes
            do {
                try held.write(bytes, at: file.path)
                FaultPoint.reached("staged-file-written", at: path)
            } catch {
                throw RenderError.write(path: path, reason: reason(error))
            }
            if hashing { hashes.append(Hashing.sha256(bytes)) }
        }
        return hashes
    }

    private static func reason(_ error: Error) -> String {
        if let failure = error as? POSIXFile.Failure { return failure.description }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedFailureReason ?? ns.localizedDescription
    }
}
