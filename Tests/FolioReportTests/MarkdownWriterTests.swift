import Testing
import TestSupport
@testable import FolioReport

@Suite struct MarkdownWriterTests {
    @Test func writesGitHubFlavouredMarkdown() throws {
        let assembler = ReportAssembler(resolver: FakeResolver(), charts: Fixtures.charts)
        let report = try assembler.assemble(source: Fixtures.briefing, file: "briefing.md")
        let md = MarkdownWriter().write(report)
        expectEqual(md, """
        # Missing and exploited children in Mississippi, 2023

        *What NCMEC's 2023 fact sheet says about Mississippi*

        March 2024 · Folio briefing desk

        ## Missing children

        NCMEC handled **412** missing-child cases from Mississippi in 2023. 69.9% of them (95% CI 65.2%–74.3%) \
        were endangered runaways from social services care (see Figure 1).

        ![Figure 1. Most missing children in Mississippi had run from care](charts/missing-composition.png)

        *Figure 1. Most missing children in Mississippi had run from care*

        ## Exploitation reports

        | Measure | Mississippi |
        | --- | ---: |
        | CyberTipline reports | 4,546 |
        | Per 1,000 children | 6.7 |

        - Reports are counted by the *apparent* location of the upload.
        - See [the fact sheet](https://www.missingkids.org/ourwork/ncmecdata) for definitions.

        > Counts below 10 are suppressed in the fact sheet.

        """)
    }
}
