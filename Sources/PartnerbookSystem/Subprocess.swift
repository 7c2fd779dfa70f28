import Foundation
import PartnerbookSupport
import Synchronization

/// Runs a program partnerbook relies on (git, ssh-keygen, WeasyPrint, and
/// `rm` to remove an old tree in the background) and
/// collects what it prints, never more than a limit: a program that prints
/// more (a 200 MB file committed to the history) is stopped and its output
/// marked as over the limit, rather than read into memory whole.
///
/// No shell: the arguments go to the program as they are. Standard input is
/// written from a thread of its own, so a program that answers before it
/// has read everything cannot block on a full pipe.
package enum Subprocess {
    package struct Result: Sendable {
        package var status: Int32
        /// What the program printed on standard output (at most the limit).
        package var output: Data
        /// What it printed on standard error (at most 64 KiB).
        package var errors: Data
        /// True when standard output went past the limit: the program was stopped.
        package var overLimit = false

        /// Standard error's lines, trimmed and joined with "; ".
        package var message: String {
            String(decoding: errors, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
        }

        package var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// The program could not be started.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// A program that stops reading its input makes the write fail (EPIPE)
    /// instead of ending this process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The largest standard error kept.
    static let errorLimit = 64 << 10

    /// Runs `executable` with `arguments` and waits for it.
    /// - Parameters:
    ///   - directory: its working folder (default: this process's).
    ///   - input: written to its standard input (else it reads nothing).
    ///   - environment: set on top of this process's environment; `LC_ALL=C` always.
    ///   - outputLimit: the most of standard output kept; past it the program is stopped.
    package static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, input: Data? = nil,
                            environment: [String: String] = [:], outputLimit: Int = 64 << 20) throws -> Result {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        merged["LC_ALL"] = "C"
        for (name, value) in environment { merged[name] = value }
        process.environment = merged
        let out = Pipe(), err = Pipe()
        let inPipe = input == nil ? nil : Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(executable.lastPathComponent) could not start: \(error.localizedDescription)")
        }
        // Our copies of the child's ends, closed so the pipes end when the child does.
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        let group = DispatchGroup()
        if let inPipe, let input {
            try? inPipe.fileHandleForReading.close()
            let writer = inPipe.fileHandleForWriting
            onThread(group) {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let errors = Mutex(Data())
        let errorReader = err.fileHandleForReading
        onThread(group) {
            let data = read(errorReader.fileDescriptor, limit: errorLimit, drain: true).data
            errors.withLock { $0 = data }
            try? errorReader.close()
        }
        let (output, over) = read(out.fileHandleForReading.fileDescriptor, limit: outputLimit, drain: false)
        if over { process.terminate() }
        try? out.fileHandleForReading.close()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, output: output, errors: errors.withLock { $0 }, overLimit: over)
    }

    /// Runs `work` on a thread of its own, in `group`. Not on Dispatch's
    /// global queue: a build runs git from inside `Parallel.map`, whose
    /// workers hold every thread that queue has, so the reader waited for a
    /// free one (libdispatch lends another after almost a second) while the
    /// worker waited for the reader: 0.9 s added to a one-partner rebuild.
    private static func onThread(_ group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            work()
            group.leave()
        }
        thread.stackSize = 256 << 10
        thread.start()
    }

    /// Reads `fd` to its end, keeping at most `limit` bytes; past the limit
    /// it stops (true), or with `drain` reads on without keeping.
    private static func read(_ fd: Int32, limit: Int, drain: Bool) -> (data: Data, over: Bool) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var over = false
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if over { continue }
            if data.count + count > limit {
                data.append(contentsOf: buffer[0..<(limit - data.count)])
                over = true
                if !drain { break }
                continue
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return (data, over)
    }

    /// Starts `arguments` (a program found on the PATH, and its arguments)
    /// in a process of its own that outlives this one, reading and writing
    /// nothing: the shell that starts it exits at once and is waited for, so
    /// no zombie is left. False when it could not be started.
    package static func startDetached(_ arguments: [String]) -> Bool {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // `"$@" &` runs the arguments as they are, with no word of theirs read by the shell.
        let shell = ["/bin/sh", "-c", "\"$@\" &", "sh"] + arguments
        var argv = shell.map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
