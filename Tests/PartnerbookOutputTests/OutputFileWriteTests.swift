import Foundation
import Testing
@testable import PartnerbookSupport
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// A file made of texts is written as the bytes of its texts one after
/// another, whether they fill the write buffer (256 KB) exactly, cross it,
/// or one text alone is larger; a file made of bytes is written as given.
@Suite struct OutputFileWriteTests {
    static let buffer = 1 << 18

    static let cases: [[String]] = [
        [],
        [""],
        ["<html>", "", "é😀", "</html>\n"],
        [String(repeating: "a", count: buffer - 1), "bc", "d"],
        [String(repeating: "x", count: buffer), "y"],
        ["head"] + Array(repeating: "<li>card é</li>\n", count: 40_000) + ["tail"],
        ["small", String(repeating: "z", count: buffer * 3 + 7), "end"],
    ]

    @Test(arguments: cases.indices)
    func aFileOfTextsIsWrittenAsItsTextsJoined(_ index: Int) throws {
        let texts = Self.cases[index]
        let file = OutputFile(.programPage, path: "page.html", texts: texts)
        let joined = Data(texts.joined().utf8)
        #expect(file.byteCount == joined.count)
        #expect(file.data == joined)
        #expect(try written(file) == joined)
    }

    @Test func aFileOfBytesIsWrittenAsGiven() throws {
        let bytes = Data((0..<(Self.buffer + 5)).map { UInt8(truncatingIfNeeded: $0 * 7) })
        #expect(try written(OutputFile(.asset, path: "a.bin", data: bytes)) == bytes)
        #expect(try written(OutputFile(.asset, path: "empty", data: Data())) == Data())
    }

    private func written(_ file: OutputFile) throws -> Data {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("out")
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(fd >= 0)
        let info = try OutputWriter.write(file, to: fd)
        close(fd)
        let data = try Data(contentsOf: url)
        #expect(Int(info.st_size) == data.count)
        return data
    }
}
