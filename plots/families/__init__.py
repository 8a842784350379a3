"""One module per figure family; each declares `FIGURES: list[plots.Figure]`."""
