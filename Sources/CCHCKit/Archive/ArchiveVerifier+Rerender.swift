import CCHCCore
import CCHCStore
import CCHCTemplate
import Crypto
import Foundation

extension ArchiveVerifier {
    /// Renders again from the archived dataset and templates and compares every document.
    static func rerenderRecord(_ folder: URL, _ manifest: ArchiveManifest, _ recordPath: String, _ report: inout Report) {
        guard ContainedPath.isContained(manifest.dataset), !manifest.dataset.contains("/") else {
            report.problems.append("\(recordPath)/manifest.json: names the dataset '\(manifest.dataset)', not a folder name")
            return
        }
        let dataset = folder.appendingPathComponent("dataset/\(manifest.dataset)")
        // Rendered through the same render as `cchc render`, into a scratch folder.
        let scratch: ScratchFolder
        do { scratch = try ScratchFolder("verify") } catch {
            report.problems.append("\(recordPath): cannot be rendered again: \(error.localizedDescription)")
            return
        }
        defer { scratch.remove() }
        let output = scratch.url.appendingPathComponent(manifest.dataset)
        let paths: [String]
        do {
            // The record's own templates: every file the render used is archived, none is taken from this cchc.
            let options = RenderJob.Options(
                output: output, templates: try TemplateSet.overlay(folder.appendingPathComponent("templates")),
                kinds: manifest.kinds, formats: manifest.formats,
                unit: manifest.unit)
            let batch = try Pipeline.checking.then(.render(options)).run(Pipeline.Batch(dataset))
            guard let rendered = batch.rendered else {
                throw PipelineError.stopped(step: batch.stoppedAt ?? .validate, batch.problems)
            }
            paths = rendered.paths
        } catch {
            let reason = error.localizedDescription
            report.problems.append("\(recordPath): cannot be rendered again from its archived dataset: \(reason)")
            return
        }
        let archived = Dictionary(manifest.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let rendered = Set(paths.map(RecordContents.archivedPath))
        for file in manifest.files where file.role == .document && !rendered.contains(file.path) {
            report.problems.append("\(recordPath)/\(file.path): archived, but the archived dataset does not render it")
        }
        for path in paths where path != RenderProvenance.fileName {
            let archivedPath = RecordContents.archivedPath(path)
            report.rerendered += 1
            let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) ?? Data()
            let sha = Hashing.sha256(RecordContents.archivedBytes(archivedPath, data))
            if archived[archivedPath] == nil {
                report.problems.append("\(recordPath)/\(archivedPath): rendered from the archived dataset but not archived")
            } else if archived[archivedPath] != sha {
                report.problems.append(
                    "\(recordPath)/\(archivedPath): does not follow from the archived dataset and templates (rendering it again gives different content)"
                )
            }
        }
    }
}
