// The one module a notebook's cells and `.swift` helpers import (Folio adds the import to the
// code it generates): data and tables with provenance, units and periods, measures and their
// intervals, charts. Everything here is Folio's public API for analyses.
@_exported import FolioAnalysis
@_exported import FolioCharts
@_exported import FolioData
@_exported import FolioFormat
@_exported import FolioScene
