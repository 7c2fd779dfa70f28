import CCmarkGFM
import CCmarkMemory
import Foundation
import Synchronization
import Testing
@testable import PartnerbookRender

/// A parsed document's memory (`CCmarkMemory`): cmark-gfm's allocations for
/// one document cut from a few blocks and handed back at once.
@Suite struct DocumentMemoryTests {
    /// The allocator cmark-gfm is given, called as cmark-gfm calls it, inside `memory`.
    private func allocating<Result>(in memory: OpaquePointer, _ body: (cmark_mem) -> Result) -> Result {
        let previous = partnerbook_document_memory_enter(memory)
        defer { partnerbook_document_memory_leave(previous) }
        return body(partnerbook_document_memory_allocator().assumingMemoryBound(to: cmark_mem.self).pointee)
    }

    @Test func smallAllocationsAreZeroedAlignedAndKeepTheirBytesAsTheyGrow() throws {
        let memory = try #require(partnerbook_document_memory_new())
        defer { partnerbook_document_memory_free(memory) }
        allocating(in: memory) { allocator in
            var pointers: [UnsafeMutableRawPointer] = []
            for size in [1, 7, 16, 33, 500, 4_000] {
                let bytes = allocator.calloc(1, size)!
                #expect(Int(bitPattern: bytes) % 16 == 0)
                #expect(UnsafeRawBufferPointer(start: bytes, count: size).allSatisfy { $0 == 0 })
                bytes.initializeMemory(as: UInt8.self, repeating: UInt8(size % 251), count: size)
                pointers.append(bytes)
            }
            // Each keeps its bytes while the others are made: none overlaps another.
            for (bytes, size) in zip(pointers, [1, 7, 16, 33, 500, 4_000]) {
                #expect(UnsafeRawBufferPointer(start: bytes, count: size).allSatisfy { $0 == UInt8(size % 251) })
            }
            // Grown as cmark-gfm grows a buffer: by half again, the bytes kept, past the size of a block.
            var buffer = allocator.realloc(nil, 8)!
            var size = 8
            buffer.initializeMemory(as: UInt8.self, repeating: 0xAB, count: size)
            while size < 3_000_000 {
                let larger = size + size / 2 + 8
                buffer = allocator.realloc(buffer, larger)!
                #expect(UnsafeRawBufferPointer(start: buffer, count: size).allSatisfy { $0 == 0xAB })
                buffer.advanced(by: size).initializeMemory(as: UInt8.self, repeating: 0xAB, count: larger - size)
                size = larger
            }
            #expect(UnsafeRawBufferPointer(start: pointers[5], count: 4_000).allSatisfy { $0 == UInt8(4_000 % 251) })
        }
    }

    @Test func aLargeAllocationIsHandedBackWhenFreedAndASmallOneIsUsedAgain() throws {
        let memory = try #require(partnerbook_document_memory_new())
        defer { partnerbook_document_memory_free(memory) }
        allocating(in: memory) { allocator in
            _ = allocator.calloc(1, 100)
            let before = partnerbook_document_memory_held(memory)
            let large = allocator.calloc(1, 5_000_000)!
            #expect(partnerbook_document_memory_held(memory) >= before + 5_000_000)
            allocator.free(large)
            #expect(partnerbook_document_memory_held(memory) == before)
            // A small allocation freed right after it was made: the next one takes its place.
            let short = allocator.calloc(1, 64)!
            allocator.free(short)
            let next = allocator.calloc(1, 48)!
            #expect(next == short)
            // One freed under a newer one waits for the next allocation of its size, zeroed again.
            let older = allocator.calloc(1, 64)!
            _ = allocator.calloc(1, 64)
            older.initializeMemory(as: UInt8.self, repeating: 0xEE, count: 64)
            allocator.free(older)
            let other = allocator.calloc(1, 200)!
            #expect(other != older)
            let same = allocator.calloc(1, 60)!
            #expect(same == older)
            #expect(UnsafeRawBufferPointer(start: same, count: 60).allSatisfy { $0 == 0 })
        }
    }

    @Test func aDocumentHoldsBlocksNotOneAllocationPerNode() throws {
        // 2,000 list items: thousands of nodes and texts, in a few blocks.
        let markdown = (1...2_000).map { "- item \($0) with **bold** text" }.joined(separator: "\n")
        let memory = try #require(partnerbook_document_memory_new())
        defer { partnerbook_document_memory_free(memory) }
        let held = allocating(in: memory) { allocator -> UInt in
            let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, partnerbook_document_memory_allocator().assumingMemoryBound(to: cmark_mem.self))!
            markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
            let root = cmark_parser_finish(parser)!
            let html = String(cString: cmark_render_html(root, CMARK_OPT_DEFAULT, nil)!)
            #expect(html.hasPrefix("<ul>\n<li>item 1 with <strong>bold</strong> text</li>\n"))
            #expect(html.contains("<li>item 2000 with <strong>bold</strong> text</li>\n</ul>"))
            return partnerbook_document_memory_held(memory)
        }
        // The tree and its rendering: a few megabytes at most, in blocks of up to half a megabyte.
        #expect(held > 100_000 && held < 8_000_000)
    }

    /// Documents alive side by side on one thread, and each used on
    /// threads other than the one that made it: each allocates from its
    /// own memory whichever thread calls it, so they render as alone.
    @Test func documentsInterleavedAndMovedBetweenThreadsRenderAsAlone() {
        let texts = (0..<6).map { n in
            String(repeating: "Text \(n) with <b>raw</b> and [a link](javascript:x) and ~~gone~~.\n\n| a | b |\n|---|---|\n| \(n) | x |\n\n", count: 30)
        }
        let expected = texts.map { text in
            let document = CMark.Document(text).sanitize()
            return (document.commonmark(), document.html())
        }
        // One thread at a time uses each document (its own index).
        nonisolated(unsafe) let documents = texts.map { CMark.Document($0) }
        for document in documents { document.sanitize() }
        let rendered = Mutex([(String, String)?](repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            let result = (documents[index].commonmark(), documents[index].html())
            rendered.withLock { $0[index] = result }
        }
        rendered.withLock { results in
            for (result, wanted) in zip(results, expected) {
                #expect(result?.0 == wanted.0)
                #expect(result?.1 == wanted.1)
            }
        }
        #expect(expected.allSatisfy { !$0.1.contains("<b>") && !$0.1.contains("javascript:") && $0.1.contains("<del>gone</del>") })
    }

    @Test func aRenderingIsGivenBackOnceRead() {
        // HTML of some 700 KB and CommonMark of some 500 KB: each a large
        // allocation, back to the system as soon as it is a string. (The
        // first CommonMark rendering also leaves each text node a copy of
        // its text ended by a zero, part of the tree from then on.)
        let markdown = (1...30_000).map { "Paragraph \($0)." }.joined(separator: "\n\n")
        let document = CMark.Document(markdown)
        let parsed = document.memoryHeld
        #expect(document.html().utf8.count > 600_000)
        #expect(document.memoryHeld < parsed + 100_000, "held \(document.memoryHeld) after the HTML, \(parsed) after the parse")
        #expect(document.commonmark().utf8.count > 400_000)
        let rendered = document.memoryHeld
        #expect(document.commonmark().utf8.count > 400_000)
        #expect(document.memoryHeld < rendered + 100_000, "held \(document.memoryHeld) after the second CommonMark, \(rendered) before")
    }

    @Test func aLongDocumentRendersWhole() {
        // Renderings of megabytes: the large allocations, grown again and again.
        let markdown = (1...40_000).map { "Paragraph number \($0)." }.joined(separator: "\n\n")
        let html = CMark.html(markdown)
        let expected = (1...40_000).map { "<p>Paragraph number \($0).</p>\n" }.joined()
        #expect(html == expected)
        let commonmark = CMark.commonmark(markdown)
        #expect(commonmark == markdown + "\n")
    }
}
