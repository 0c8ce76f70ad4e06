"""The arithmetic of plan monitoring as pure functions over Decimals: growth, completion, time progress,
warning lights, required growth, projections and ranking. No Django, no database (domain.md)."""
