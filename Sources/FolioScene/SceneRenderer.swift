/// Encodes scenes into file formats. Implemented over Cairo by `FolioCairo.CairoSceneRenderer`;
/// tests can use anything that records.
public protocol SceneRenderer: Sendable {
    /// A PNG of the scene, `pixelsPerPoint` pixels for each point of the scene's size.
    func png(_ scene: Scene, pixelsPerPoint: Double) throws -> [UInt8]
    /// A single-page vector PDF of the scene, fonts embedded.
    func pdf(_ scene: Scene, metadata: DocumentMetadata) throws -> [UInt8]
    /// An SVG of the scene.
    func svg(_ scene: Scene) throws -> [UInt8]
    /// A multi-page PDF with outline and links.
    func pdf(_ document: PagedDocument) throws -> [UInt8]
}
