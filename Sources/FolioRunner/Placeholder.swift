enum FolioRunnerPlaceholder {}
