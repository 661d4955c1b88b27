"""Default values and tables of the CDM A/R tools (AR-TOOL08, 12, 14, 15, 16), one file each."""
