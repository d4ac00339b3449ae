/// Placeholder until the report assembler lands.
enum FolioReportPlaceholder {}
