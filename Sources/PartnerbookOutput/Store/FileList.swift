extension BuildCache {
    /// The files of one entry as the store holds them in memory: each path
    /// as the bytes it does not share with the path before it (a partner's
    /// 25 paths, in order, share `partners/ID/` and often more), and each
    /// file's numbers in one array of integers. An array of `File`s, a string
    /// of its own for each path, was 2.9 KB of every partner a build or the
    /// cache kept (290 MB at 100,000 partners); this is about 1 KB.
    ///
    /// Read in order, as a sequence: each `File` is made as it is reached.
    package struct FileList: Sendable, Equatable, Sequence {
        /// Four per file: the bytes its path shares with the one before (high
        /// 32 bits) and the count of its own bytes (low 32), its size, its
        /// modification time and its inode.
        private var numbers: [Int] = []
        /// Each path's own bytes, one after another.
        private var bytes: [UInt8] = []

        package init() {}

        /// The files in this order, kept at their exact size.
        package init(_ files: [File]) {
            var builder = Builder()
            for file in files { builder.append(file) }
            self = builder.finish()
        }

        /// A list made a file at a time, from each path's bytes (the cache's
        /// lines): no string is made for a path, and the lists are kept at
        /// their exact sizes when done.
        package struct Builder {
            private var list = FileList()
            /// The path of the file added last.
            private var last: [UInt8] = []

            package init() {}

            package mutating func append(path: UnsafeRawBufferPointer, size: Int, modified: Int, inode: UInt64) {
                let shared = list.numbers.isEmpty ? 0 : zip(last, path).prefix { $0 == $1 }.count
                list.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: path[shared...]))
                list.numbers.append(shared << 32 | (path.count - shared))
                list.numbers.append(size)
                list.numbers.append(modified)
                list.numbers.append(Int(bitPattern: UInt(inode)))
                last.removeAll(keepingCapacity: true)
                last.append(contentsOf: path)
            }

            package mutating func append(_ file: File) {
                var path = file.path
                path.withUTF8 { append(path: UnsafeRawBufferPointer($0), size: file.size, modified: file.modified, inode: file.inode) }
            }

            /// The list, at its exact size; the builder starts again empty.
            package mutating func finish() -> FileList {
                var done = FileList()
                done.numbers = list.numbers.withUnsafeBufferPointer { Array($0) }
                done.bytes = list.bytes.withUnsafeBufferPointer { Array($0) }
                list.numbers.removeAll(keepingCapacity: true)
                list.bytes.removeAll(keepingCapacity: true)
                last.removeAll(keepingCapacity: true)
                return done
            }
        }

        package var count: Int { numbers.count / 4 }
        package var isEmpty: Bool { numbers.isEmpty }
        package var underestimatedCount: Int { count }

        /// The paths, in order.
        package var paths: [String] { map(\.path) }

        package func makeIterator() -> Iterator { Iterator(list: self) }

        package struct Iterator: IteratorProtocol {
            let list: FileList
            var index = 0
            var offset = 0
            /// The path of the file last returned.
            var path: [UInt8] = []

            package mutating func next() -> File? {
                guard index * 4 < list.numbers.count else { return nil }
                let lengths = list.numbers[index * 4]
                let shared = lengths >> 32, own = lengths & 0xFFFF_FFFF
                path.removeSubrange(shared...)
                path += list.bytes[offset..<offset + own]
                offset += own
                defer { index += 1 }
                return File(path: String(decoding: path, as: UTF8.self), size: list.numbers[index * 4 + 1],
                            modified: list.numbers[index * 4 + 2], inode: UInt64(UInt(bitPattern: list.numbers[index * 4 + 3])))
            }
        }
    }
}
