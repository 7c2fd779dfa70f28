import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRender
import PartnerbookOutput

/// The last build's findings, for `check` to pay only for what changed: a
/// partner whose key (its file's digest and everything its findings read:
/// program.yaml, the templates, the as-of date, `--strict`, allowed_signers,
/// the tool) is the one the build into the output folder recorded is not
/// loaded or checked again; its findings are the build's. Files whose stamp
/// is as the build recorded are not even read (their digest stands, as in
/// git's index). Nothing is written.
struct LastBuildFindings {
    private let store: Build.Store
    private let digests: [String: String]
    private let repository: RepositoryState

    /// Nil when there is no build to reuse, or `--no-cache`.
    init?(_ configuration: BuildConfiguration, input: ProgramInput) {
        guard configuration.useCache else { return nil }
        var store = Build.Store(output: configuration.output, enabled: true, findingsOnly: true)
        guard !store.isEmpty,
              let templates = try? TemplateSet.digest(folder: configuration.templates, displayPath: configuration.templatesDisplay,
                                                      folderRequired: configuration.templatesRequired),
              let inputs = try? InputsDigest.make(contentFolder: configuration.content, templatesFolder: configuration.templates,
                                                  asOf: configuration.asOf, today: configuration.today, strict: configuration.strict,
                                                  known: store.stamps) else { return nil }
        store.share(Build.sharedKey(templates: templates, input: input, strict: configuration.strict))
        self.store = store
        digests = inputs.digests
        repository = RepositoryState(configuration.content)
    }

    /// The build's findings about the entry `name` of the partners folder, when they still hold.
    func findings(of name: String) -> [Diagnostic]? {
        guard name.hasSuffix(".yaml") else { return nil }
        let id = String(name.dropLast(".yaml".count))
        guard let key = store.key(id: id, fileDigest: digests[ContentPaths.partnersFolder + "/" + name]) else { return nil }
        return store.findings(id: id, key: key, repositoryState: { repository.current })
    }
}
