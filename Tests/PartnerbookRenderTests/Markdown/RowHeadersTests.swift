import Testing
@testable import PartnerbookRender
import PartnerbookTestSupport

/// Each table row's first cell is its header (`<th scope="row">`), so a
/// screen reader says which row a value belongs to (section 21).
@Suite struct RowHeadersTests {
    @Test func theFirstCellOfEachBodyRowIsItsHeader() {
        let html = CMark.Document("| Metric | Target |\n|---|--:|\n| Revenue | $400,000 |\n| Days | 7 |\n").html()
        #expect(html.contains("<th>Metric</th>"), "the header row stays as it was")
        #expect(html.contains("<tr>\n<th scope=\"row\">Revenue</th>\n<td style=\"text-align: right\">$400,000</td>"), "\(html)")
        #expect(html.contains("<th scope=\"row\">Days</th>"))
        #expect(!html.contains("<td>Revenue</td>"))
    }

    @Test func textWithoutATableIsUntouched() {
        let html = CMark.Document("A paragraph with <td> in `code`.\n").html()
        #expect(!html.contains("scope=\"row\""))
    }

    @Test func everyDocumentOfTheExampleHasRowHeadersOnly() throws {
        for (path, page) in try SitePagesTests.exampleSite() where path.hasSuffix(".html") {
            #expect(!page.contains("<tr>\n<td"), "\(path): a body row starting with a data cell")
        }
    }
}
