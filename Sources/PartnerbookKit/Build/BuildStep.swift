import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRender
import PartnerbookSystem

/// A build stopped by an error: the step it stopped in and, when the error
/// is about one file, that file (as Publish's errors carry their step and file).
package struct BuildError: Error, CustomStringConvertible {
    package var step: String
    /// The file the error is about, relative to the content or templates folder, when there is one.
    package var path: String?
    package var underlying: Error
    package var description: String { "\(underlying)" }

    /// A template that cannot be read or parsed: the content's kind of error,
    /// with its file, line and column (the command exits 1, not 2).
    package var template: String? {
        (underlying as? TemplateError).map { "\($0)" }
    }
}

/// The steps of one build, run in order and timed (`PARTNERBOOK_TIMINGS=1`
/// prints each step's time and memory): each is a named function of what
/// the steps before it made, and an error leaving it names the step.
package struct BuildSteps {
    private var times = StepTimes()

    package init() {}

    /// Runs one step; an error leaving it becomes a `BuildError` naming it.
    package mutating func run<T>(_ name: String, path: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            let value = try body()
            times.mark(name)
            return value
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(step: name, path: path ?? (error as? PathedError)?.path, underlying: error)
        }
    }
}

/// An error about one file, so the step that meets it can name the file.
package protocol PathedError: Error {
    var path: String { get }
}
