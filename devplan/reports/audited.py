"""Every document devplan writes is audited by devplan: `devplan report` and `devplan brief` run the auditor
(the one `devplan audit FILE` runs) on the Word file they wrote. An error is a failed build unless the user
accepts the findings (`--allow-findings`); warnings and notes never fail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from devplan.lib.errors import DevplanError
from devplan.reader import AuditResult, audit_file
from devplan.reader.findings import ERROR, RULES, Finding
from devplan.reader.render import summary_line

# How many errors the one failing sentence names; `devplan audit FILE` lists them all.
NAMED_ERRORS = 2


def audit_written(paths: list[Path]) -> AuditResult:
    """Audit the .docx among the files just written (the PDF reads the same words)."""
    docx = next(path for path in paths if path.suffix == ".docx")
    return audit_file(docx)


def errors_of(result: AuditResult) -> list[Finding]:
    return [finding for finding in result.findings if finding.severity == ERROR]


def error_line(finding: Finding) -> str:
    """'[错误] 总量目标完成率：…' — one error, as the command prints it."""
    return f"[错误] {RULES[finding.check].title}：{finding.message}"


def print_audit(result: AuditResult, allow_findings: bool, write: Callable[[str], None]) -> None:
    """Print the auditor's summary (and, when findings are allowed, each error) with `write`. Raises
    DevplanError (exit 1) when the document has errors and findings are not allowed."""
    write("审核：" + summary_line(result))
    errors = errors_of(result)
    if errors and not allow_findings:
        named = "；".join(f"{RULES[f.check].title}：{f.message.rstrip('。')}" for f in errors[:NAMED_ERRORS])
        more = f"等 {len(errors)} 个错误" if len(errors) > NAMED_ERRORS else ""
        raise DevplanError(
            f"审核发现文中数字有错误（{named}{more}），文件已写出但不能视为成品；"
            f"用 devplan audit {result.source} 查看全部发现，改正数据后重新生成，或加 --allow-findings 接受这些发现",
            where=result.source,
        )
    for finding in errors:
        write(error_line(finding))
