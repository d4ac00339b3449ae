/// Placeholder until the Cairo renderer lands.
enum FolioCairoPlaceholder {}
