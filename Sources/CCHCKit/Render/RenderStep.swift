import Foundation

extension Pipeline.Step {
    /// The render step: the checked batch's documents streamed into `options.output`
    /// (`RenderJob.stream`), the files written kept in `batch.rendered`.
    /// - Parameter progress: called with (documents done, documents in all), from any thread.
    public static func render(_ options: RenderJob.Options, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Pipeline.Step {
        Pipeline.Step(.render) { batch in
            batch.rendered = try RenderJob.stream(batch.checked, options, progress: progress)
        }
    }
}
