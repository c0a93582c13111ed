"""Cross-check for CoevoReport.LogLogFit (least squares of ln y on ln x).
Values are recorded in Tests/CoevoReportTests/ReaderTests.swift (logLogFitMatchesNumpy)."""
import numpy as np

x = np.array([1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 0.0, -3.0])
y = np.array([5.0, 4.3, 3.9, 3.2, 3.0, 2.6, 1.0, 2.0])
ok = (x > 0) & (y > 0)  # non-positive points are left out, as in the Swift routine
slope, intercept = np.polyfit(np.log(x[ok]), np.log(y[ok]), 1)
print(repr(slope), repr(intercept), int(ok.sum()))
