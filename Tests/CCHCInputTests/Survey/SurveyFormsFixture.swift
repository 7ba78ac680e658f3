import CCHCTestSupport
import Foundation

@testable import CCHCInput

extension SurveyFormsFixture {
    /// Writes the files, then loads and validates them as `cchc validate` does.
    func load() throws -> LoadedDataset {
        try write()
        var loaded = DatasetLoader.load(folder)
        DatasetLoader.validate(loaded, diagnostics: &loaded.diagnostics)
        return loaded
    }
}
