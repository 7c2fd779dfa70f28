import Foundation
import PartnerbookSupport
import PartnerbookSystem
#if canImport(Glibc)
import Glibc
#endif
import PartnerbookOutput

/// Wakes `serve`'s watcher as soon as a file below the watched folders is
/// written, created, removed or renamed (Linux's inotify, one watch per
/// folder, new folders watched as they appear), instead of it polling four
/// times a second: a save is seen at once, and an idle `serve` does not
/// `stat` ten thousand partner files every quarter of a second.
///
/// Only a wake-up call: the watcher still compares snapshots of the folders
/// to decide whether anything changed, and still takes one every couple of
/// seconds without an event, so an event the kernel drops (a full queue) or a
/// file system without inotify delays a rebuild and never loses it.
final class FileEvents {
    private let descriptor: Int32
    /// Watched folders by watch descriptor, to watch the folders made inside them.
    private var folders: [Int32: String] = [:]

    /// Nil where inotify is not available (another system, or no watches left).
    init?(_ roots: [URL]) {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots where FileManager.default.fileExists(atPath: root.path) {
            watchTree(root.path)
        }
        guard !folders.isEmpty else {
            close(descriptor)
            return nil
        }
        #else
        return nil
        #endif
    }

    deinit {
        close(descriptor)
    }

    #if canImport(Glibc)
    /// No `IN_CLOSE_WRITE`: the write's own `IN_MODIFY` already wakes the
    /// watcher, and a close can come late, from whichever process last held a
    /// copy of the descriptor (a build's or a test's child spawned while the
    /// editor's file was open), waking it a second time for nothing.
    private static let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// A watch on `folder` and on every folder below it.
    private func watchTree(_ folder: String) {
        guard watch(folder) else { return }
        for path in FolderWalk.tree(below: folder, keep: { _ in false }).folders { watch(folder + "/" + path) }
    }

    /// A watch on one folder; false when it cannot be watched.
    @discardableResult
    private func watch(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, FileEvents.mask | UInt32(IN_ONLYDIR))
        if watch >= 0 { folders[watch] = folder }
        return watch >= 0
    }
    #endif

    /// Waits up to `timeout` seconds for events; true when some arrived (all
    /// of them are read, and folders they made are watched from then on).
    func wait(timeout: Double) -> Bool {
        #if canImport(Glibc)
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(timeout * 1000)) > 0 else { return false }
        drain()
        return true
        #else
        return false
        #endif
    }

    /// Reads every pending event.
    private func drain() {
        #if canImport(Glibc)
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
            guard count > 0 else { return }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watch, eventMask, length) = buffer.withUnsafeBytes { raw in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let parent = folders[watch], length > 0 {
                    let name = buffer[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }
                    watchTree(parent + "/" + String(decoding: name, as: UTF8.self))
                }
                if eventMask & UInt32(IN_IGNORED) != 0 { folders[watch] = nil }
                offset += header + length
            }
        }
        #endif
    }
}
