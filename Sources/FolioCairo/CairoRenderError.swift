/// Cairo reported a failure while rendering.
public struct CairoRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
