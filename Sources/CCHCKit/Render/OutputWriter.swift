import Foundation

/// Step 5: writes rendered files; each goes to a temporary name beside its target and is renamed
/// into place, so no reader ever sees half a file.
public enum OutputWriter {
    public static func write(_ files: [RenderedFile], to folder: URL) throws {
        let fm = FileManager.default
        for file in files {
            let target = folder.appendingPathComponent(file.path)
            let directory = target.deletingLastPathComponent()
            do {
                try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw RenderError.write(path: directory.path, reason: reason(error))
            }
            let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
            do {
                try Data(file.content.utf8).write(to: temporary)
                if rename(temporary.path, target.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                try? fm.removeItem(at: temporary)
                throw RenderError.write(path: target.path, reason: reason(error))
            }
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
