"""The auditor's rules, one module per family; each rule is named in devplan.reader.findings.RULES."""
