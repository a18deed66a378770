#pragma once
//! Work spread over the machine's cores, in standard C++ only (the engine links no Qt): the one
//! home of the engine's threading. Results never depend on the number of threads: each job
//! writes its own slot, and sums are taken afterwards in a fixed order.

#include <cstddef>
#include <functional>

namespace sharecast {

//! Threads to use for `work` jobs: `asked` when positive, else one per hardware thread; never
//! more than the jobs.
int threadCount(int asked, std::size_t work);

//! Runs job(i) for every i in [0, count) on `threads` threads (each i taken in turn from a
//! shared counter; the calling thread works too). After the first exception no new job starts;
//! once every thread has stopped, the exception of the lowest-numbered failing job is rethrown:
//! the one a single thread would have met first (the jobs below it were all taken, so they ran),
//! whatever the number of threads.
void parallelFor(std::size_t count, int threads, const std::function<void(std::size_t)>& job);

} // namespace sharecast
