import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct CSVTableTests {
    private func table(_ text: String) throws -> [[String]] {
        try CSVTable(text: text).records.map { $0.map(\.text) }
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let csv = "partner,metric,value\r\n\"Acme, Inc\",\"say \"\"hi\"\"\",\"1,200\"\r\nb,\"two\nlines\",3\r\n"
        #expect(try table(csv) == [["partner", "metric", "value"], ["Acme, Inc", "say \"hi\"", "1,200"], ["b", "two\nlines", "3"]])
    }

    @Test func positionsCountLinesInsideQuotedFields() throws {
        let records = try CSVTable(text: "a,b\n\"x\ny\",z\nlast,one").records
        #expect(records[1][1].position == SourcePosition(line: 3, column: 4), "after a field that spans lines 2 and 3")
        #expect(records[2][0].position == SourcePosition(line: 4, column: 1))
        #expect(records[2][1].position == SourcePosition(line: 4, column: 6))
    }

    @Test func emptyFieldsAndBlankLines() throws {
        #expect(try table("a,,c\n\n,\n") == [["a", "", "c"], ["", ""]])
        #expect(try table("a,b,\n") == [["a", "b", ""]])
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        #expect(try CSVTable(Data("\u{FEFF}partner,x\n".utf8)).records[0][0].text == "partner")
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        #expect(throws: CSVTable.SyntaxError(position: SourcePosition(line: 2, column: 3),
                                             message: "a quoted field is not closed: add the closing \"")) {
            _ = try CSVTable(text: "a,b\nx,\"open\n")
        }
    }

    @Test func strayQuotesAreSyntaxErrors() {
        #expect(throws: CSVTable.SyntaxError.self) { _ = try CSVTable(text: "a,b\"c\n") }
        #expect(throws: CSVTable.SyntaxError.self) { _ = try CSVTable(text: "\"a\"b,c\n") }
    }

    @Test func invalidUTF8IsReportedAtItsByteWithItsLikelyCause() {
        var data = Data("ok,1\nbad,".utf8)
        data.append(0xE4)   // ä in Latin-1
        #expect(throws: CSVTable.SyntaxError(position: SourcePosition(line: 2, column: 5),
                                             message: "file is not valid UTF-8 at this byte: it was probably saved as Latin-1 or Windows-1252; save it as UTF-8 (or UTF-16) and record it again")) {
            _ = try CSVTable(data)
        }
    }

    /// Section 23: the separator is found in the file, not assumed.
    @Test(arguments: [(";", "semicolon"), ("\t", "tab")])
    func aSemicolonOrTabFileIsReadAsItIsWritten(_ separator: String, _ name: String) throws {
        let text = "Partner\(separator)Zeitraum\(separator)Umsatz\nPolaris Hosting\(separator)2026-Q4\(separator)\"38.250,00 EUR\"\n"
        let table = try CSVTable(text: text)
        #expect(table.separator == Character(separator), "\(name)")
        #expect(table.records.map { $0.map(\.text) } == [["Partner", "Zeitraum", "Umsatz"], ["Polaris Hosting", "2026-Q4", "38.250,00 EUR"]])
    }

    @Test func titleLinesAndQuotedCommasDoNotChangeTheSeparator() throws {
        let text = "Partner revenue report\nAs of: 8 January 2027\npartner,revenue\nacme,\"$521,750.00\"\n"
        #expect(try CSVTable(text: text).separator == ",")
        #expect(try CSVTable(text: "a;b,c\n").separator == ",", "a tie is a comma")
    }

    /// UTF-16 with its byte-order mark, either byte order (Excel's "Unicode text").
    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithAByteOrderMarkIsRead(_ encoding: String.Encoding) throws {
        var data = Data(encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF])
        data.append(try #require("partner\tmetric\tvalue\nPolaris Hosting\tresale_revenue\t38250\n".data(using: encoding)))
        let table = try CSVTable(data)
        #expect(table.separator == "\t")
        #expect(table.records.last?.map(\.text) == ["Polaris Hosting", "resale_revenue", "38250"])
    }
}

@Suite struct MetricSheetTests {
    @Test(arguments: [
        ("1200", 1200.0), ("1,200", 1200), ("$1,200,000", 1_200_000), ("1 200", 1200), ("€ 12.50", 12.5), ("12.5€", 12.5),
        ("-3", -3), ("(1,200)", -1200), ("-$5", -5), ("1_000", 1000), ("0.25", 0.25), ("+7", 7), (" 42 ", 42),
    ])
    func spreadsheetNumbersAreRead(_ text: String, _ value: Double) {
        #expect(MetricSheet.number(text) == value)
    }

    @Test(arguments: ["", "six", "1,2,3", "12,34", "1.234,56", "1.2.3", "$", "1e5", "0x10", "--1", "12 %x", "nan", "inf"])
    func otherTextIsNotANumber(_ text: String) {
        #expect(MetricSheet.number(text) == nil)
    }

    private func sheet(_ csv: String) throws -> (MetricSheet, [RecordProblem]) {
        var problems: [RecordProblem] = []
        let sheet = MetricSheet(try CSVTable(text: csv), problems: &problems)
        return (sheet, problems)
    }

    @Test func longFormIsOneValuePerRow() throws {
        let (sheet, problems) = try sheet("Partner,Metric,Value\nacme,revenue,10\nacme,days,7\n")
        #expect(problems.isEmpty)
        #expect(sheet.shape == .long)
        #expect(sheet.entries.map { "\($0.partner.text)/\($0.metric.text)=\($0.value.text)" } == ["acme/revenue=10", "acme/days=7"])
    }

    @Test func wideFormSkipsEmptyCells() throws {
        let (sheet, problems) = try sheet("partner,revenue,days\nacme,10,\nbeta,,3\n")
        #expect(problems.isEmpty)
        #expect(sheet.shape == .wide)
        #expect(sheet.entries.map { "\($0.partner.text)/\($0.metric.text)=\($0.value.text)" } == ["acme/revenue=10", "beta/days=3"])
        #expect(sheet.entries[1].metric.position == SourcePosition(line: 1, column: 17), "the metric is its header cell")
    }

    @Test func headerAndRowShapeProblemsHavePositions() throws {
        #expect(try sheet("name,revenue\n").1.map(\.kind) == [.header])
        let (twice, none) = try sheet("partner,revenue,revenue\n")
        #expect(none.isEmpty && twice.columns.count == 2, "a header twice is the recorder's to judge: an error only when it records a metric")
        let (_, problems) = try sheet("partner,revenue\nacme,1,2\n")
        #expect(problems.map(\.kind) == [.syntax])
        #expect(problems.first?.position == SourcePosition(line: 2, column: 8))
        let (_, short) = try sheet("partner,revenue,days\nacme,1\n")
        #expect(short.map(\.kind) == [.syntax], "a short last row with data is a problem, not a footer")
    }
}
