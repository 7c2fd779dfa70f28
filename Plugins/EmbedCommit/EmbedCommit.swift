import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift`: the git commit the package is built from
/// (empty outside a git checkout), so `init` can write a CI workflow that
/// installs exactly this version, whether or not it was ever tagged. A
/// prebuild command, so it runs on every build; the file is rewritten only
/// when the commit changed, so nothing recompiles otherwise.
@main
struct EmbedCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let script = #"""
        mkdir -p "$2"
        commit=$(git -C "$1" rev-parse HEAD 2>/dev/null) || commit=""
        case "$commit" in *[!0-9a-f]*) commit="";; esac
        printf '/// The git commit this binary was built from; empty outside a git checkout (EmbedCommit plugin).\npackage enum BuildCommit {\n    package static let id = "%s"\n}\n' "$commit" > "$2/BuildCommit.swift.new"
        if cmp -s "$2/BuildCommit.swift.new" "$2/BuildCommit.swift"; then rm -f "$2/BuildCommit.swift.new"; else mv "$2/BuildCommit.swift.new" "$2/BuildCommit.swift"; fi
        """#
        return [.prebuildCommand(displayName: "Embed the git commit the build is made from",
                                 executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "sh", context.package.directoryURL.path, folder.path],
                                 outputFilesDirectory: folder)]
    }
}
