"""Resident memory of this process: one reader for every benchmark that reports memory."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

__all__ = ["memory_mb"]


def memory_mb() -> tuple[float, float]:
    """(resident now, peak resident) in MB. From /proc on Linux; elsewhere the peak stands for both."""
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text(encoding="ascii").splitlines() if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return peak, peak
