#pragma once
//! The standard normal distribution (methodology §13): density, CDF and quantile, in standard C++
//! only. The CDF is std::erfc; the quantile is Wichura's algorithm AS 241 (PPND16, Applied
//! Statistics 37, 1988), relative error about 1e-16.
//! tests/engine/tst_normal.cpp checks both against published values and Boost.Math to 1e-12.

namespace sharecast {

//! φ(x) = exp(−x²/2) / √(2π).
double normalPdf(double x);

//! Φ(x) = P(Z ≤ x), accurate in both tails (1 − Φ(x) is normalCdf(−x), not 1 − normalCdf(x)).
double normalCdf(double x);

//! z_p with Φ(z_p) = p for 0 < p < 1; −∞ at 0, +∞ at 1, NaN outside [0, 1].
double normalQuantile(double p);

} // namespace sharecast
