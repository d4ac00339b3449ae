enum FolioAnalysisPlaceholder {}
