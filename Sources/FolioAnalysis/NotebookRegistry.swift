/// Collects the analyses a compiled notebook library hands to Folio when it is loaded.
///
/// Folio passes an opaque pointer to a registry to the library's entry point
/// (`folio_register_notebook`, which the code generated from a notebook defines); the library
/// turns it back into the registry with `from(_:)` and registers its analysis type.
public final class NotebookRegistry: @unchecked Sendable {
    /// What the library registered, in order.
    public private(set) var analyses: [any Analysis.Type] = []

    public init() {}

    public func register(_ analysis: any Analysis.Type) { analyses.append(analysis) }

    /// The registry behind the pointer Folio passes to a notebook library's entry point.
    public static func from(_ pointer: UnsafeMutableRawPointer) -> NotebookRegistry {
        Unmanaged<NotebookRegistry>.fromOpaque(pointer).takeUnretainedValue()
    }
}
