"""Writing aids without Qt: spell check per language, tone-mark placement and the house style."""
