import CCHCCore
import CCHCStore
import CCHCTemplate
import CCHCWriters
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
        let fresh: RenderOutcome
        do {
            // The record's own templates: every file the render used is archived, none is taken from this cchc.
            var options = RenderJob.Options(
                output: output, templates: try TemplateSet.overlay(folder.appendingPathComponent("templates")),
                kinds: manifest.kinds, formats: manifest.formats,
                unit: manifest.unit)
            options.hashes = true
            let batch = try Pipeline.checking.then(.render(options)).run(Pipeline.Batch(dataset))
            guard let rendered = batch.rendered else {
                throw PipelineError.stopped(step: batch.stoppedAt ?? .validate, batch.problems)
            }
            fresh = rendered
        } catch {
            let reason = error.localizedDescription
            report.problems.append("\(recordPath): cannot be rendered again from its archived dataset: \(reason)")
            return
        }
        let archived = Dictionary(manifest.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let rendered = Set(fresh.paths.map(RecordContents.archivedPath))
        for file in manifest.files where file.role == .document && !rendered.contains(file.path) {
            report.problems.append("\(recordPath)/\(file.path): archived, but the archived dataset does not render it")
        }
        // Compared by the hash each file was written with: the fresh render is never read back.
        for path in fresh.paths where path != RenderProvenance.fileName {
            let archivedPath = RecordContents.archivedPath(path)
            report.rerendered += 1
            let sha = fresh.hashes[path]
            if archived[archivedPath] == nil {
                report.problems.append("\(recordPath)/\(archivedPath): rendered from the archived dataset but not archived")
            } else if archived[archivedPath] != sha, path.hasSuffix(".pdf") {
                provePDF(archivedPath, printed: path, folder, manifest, output, fresh, recordPath, &report)
            } else if archived[archivedPath] != sha {
                report.problems.append(
                    "\(recordPath)/\(archivedPath): does not follow from the archived dataset and templates (rendering it again gives different content)"
                )
            }
        }
        notePrinters(folder, manifest, output, fresh, recordPath, &report)
    }

    /// A PDF whose bytes differ from a fresh print's: proved or not by `PDFProof`.
    private static func provePDF(
        _ archivedPath: String, printed path: String, _ folder: URL, _ manifest: ArchiveManifest, _ output: URL,
        _ fresh: RenderOutcome, _ recordPath: String, _ report: inout Report
    ) {
        let file = manifest.files.first { $0.path == archivedPath }
        let html = manifest.files.first { $0.path == String(archivedPath.dropLast(4)) + ".html" }
        let verdict = PDFProof.check(
            archived: (try? [UInt8](Data(contentsOf: folder.appendingPathComponent(archivedPath)))) ?? [],
            fresh: (try? [UInt8](Data(contentsOf: output.appendingPathComponent(path)))) ?? [],
            archivedSource: file?.printOf ?? html?.sha256, freshSource: fresh.printOf[path])
        switch verdict {
        case .proved(let note): report.notes.append("\(recordPath)/\(archivedPath): \(note)")
        case .failed(let problem): report.problems.append("\(recordPath)/\(archivedPath): \(problem)")
        }
    }

    /// Says which browser printed the record's PDFs and which prints them now.
    private static func notePrinters(
        _ folder: URL, _ manifest: ArchiveManifest, _ output: URL, _ fresh: RenderOutcome, _ recordPath: String,
        _ report: inout Report
    ) {
        guard let pdf = fresh.paths.first(where: { $0.hasSuffix(".pdf") }) else { return }
        func printer(_ url: URL) -> String {
            (try? Data(contentsOf: url)).flatMap { PDFText([UInt8]($0)).printer() } ?? "an unnamed browser"
        }
        let then = printer(folder.appendingPathComponent(RecordContents.archivedPath(pdf)))
        let now = printer(output.appendingPathComponent(pdf))
        report.notes.append(
            "\(recordPath): its PDFs were printed by \(then), and are printed now by \(now)"
                + (then == now
                    ? " (the same browser: each PDF is compared byte for byte)"
                    : " (another browser: a PDF whose bytes differ is proved by the HTML it is the print of and by its text)"))
    }
}
