"""The Photos view: every photo of the newsroom as a grid, to browse, pick and mark."""
