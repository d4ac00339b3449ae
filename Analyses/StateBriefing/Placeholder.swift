enum StateBriefingPlaceholder {}
