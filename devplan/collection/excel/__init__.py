"""Excel templates that project owners and departments fill each month, and their all-or-nothing import."""
